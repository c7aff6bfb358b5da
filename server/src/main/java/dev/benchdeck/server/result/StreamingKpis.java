package dev.benchdeck.server.result;

import dev.benchdeck.engine.record.HistogramCodec;
import dev.benchdeck.engine.record.LatencySummary;
import dev.benchdeck.server.run.RunRepository;
import dev.benchdeck.server.run.RunSummary;
import java.util.List;
import java.util.Optional;
import org.HdrHistogram.Histogram;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.jspecify.annotations.Nullable;

/**
 * The overview's figures for streaming runs (runs with at least one stored step that has stream
 * figures, i.e. LLM and SSE runs), computed from the stored step results. {@code total_runs}: all
 * such runs; {@code success_rate}: of those that ended in the last 7 days, the share completed with
 * every threshold passing; {@code e2e_ms} and {@code ttft_ms}: p50/p95/p99 of every request of the
 * completed streaming runs of the last 7 days, from their merged step histograms (never averaged);
 * {@code recent_runs}: the 10 most recent streaming runs.
 */
@Component
class StreamingKpis {

    static final int RECENT = 10;
    private static final String STREAMING_RUNS = """
            select distinct s.run_id from run_steps s
            where jsonb_typeof(s.result -> 'stream') = 'object'""";

    private final JdbcClient jdbc;
    private final RunRepository runs;

    StreamingKpis(JdbcClient jdbc, RunRepository runs) {
        this.jdbc = jdbc;
        this.runs = runs;
    }

    StreamingOverview compute() {
        long total = jdbc.sql("select count(*) from (" + STREAMING_RUNS + ") r").query(Long.class).single();
        Double successRate = jdbc.sql("""
                        select avg(case when status = 'completed' and coalesce(thresholds_passed, true) then 1.0 else 0.0 end)
                        from runs where id in (%s) and ended_at > now() - interval '7 days'
                          and status not in ('queued', 'running')""".formatted(STREAMING_RUNS))
                .query(Double.class).optional().orElse(null);
        List<RunSummary> recent = jdbc.sql("select id from runs where id in (" + STREAMING_RUNS + ") order by queued_at desc, id desc limit " + RECENT)
                .query(Long.class).list().stream().map(runs::find).flatMap(Optional::stream).toList();
        return new StreamingOverview(total, successRate, percentiles("e2e"), percentiles("ttft"), recent);
    }

    /** One distribution of every step of the last week's completed streaming runs, merged. */
    private Percentiles percentiles(String distribution) {
        Histogram merged = new Histogram(3);
        jdbc.sql("""
                        select s.result -> 'latencies' -> :name ->> 'histogram' from run_steps s join runs r on r.id = s.run_id
                        where r.status = 'completed' and r.ended_at > now() - interval '7 days'
                          and jsonb_typeof(s.result -> 'stream') = 'object'
                          and s.result -> 'latencies' -> :name ->> 'histogram' is not null""")
                .param("name", distribution).query(String.class).list()
                .forEach(encoded -> merged.add(HistogramCodec.decode(encoded)));
        if (merged.getTotalCount() == 0) {
            return null;
        }
        LatencySummary summary = LatencySummary.of(merged);
        return new Percentiles(summary.count(), summary.p50(), summary.p95(), summary.p99());
    }

    record StreamingOverview(long totalRuns, @Nullable Double successRate, @Nullable Percentiles e2eMs, @Nullable Percentiles ttftMs,
                             List<RunSummary> recentRuns) {
    }

    /** Percentiles in milliseconds over {@code count} requests. */
    record Percentiles(long count, double p50, double p95, double p99) {
    }
}
