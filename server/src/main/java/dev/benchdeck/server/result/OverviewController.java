package dev.benchdeck.server.result;

import dev.benchdeck.server.run.RunRepository;
import dev.benchdeck.server.run.RunSummary;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.jspecify.annotations.Nullable;

/**
 * The dashboard's home figures. {@code success_rate}: of the runs that ended in the last 7 days, the
 * share that completed with every threshold passing (null when none ended). {@code p95_by_scenario}:
 * each scenario's p95 latency in its latest completed run. {@code streaming}: the figures of LLM and
 * other streaming runs (see {@link StreamingKpis}).
 */
@RestController
class OverviewController {

    private final JdbcClient jdbc;
    private final RunRepository runs;
    private final StreamingKpis streaming;

    OverviewController(JdbcClient jdbc, RunRepository runs, StreamingKpis streaming) {
        this.jdbc = jdbc;
        this.runs = runs;
        this.streaming = streaming;
    }

    @GetMapping("/api/v1/overview")
    Overview getOverview() {
        long lastWeek = jdbc.sql("select count(*) from runs where queued_at > now() - interval '7 days'").query(Long.class).single();
        Double successRate = jdbc.sql("""
                        select avg(case when status = 'completed' and coalesce(thresholds_passed, true) then 1.0 else 0.0 end)
                        from runs where queued_at > now() - interval '7 days' and status not in ('queued', 'running')""")
                .query(Double.class).optional().orElse(null);
        long inProgress = jdbc.sql("select count(*) from runs where status in ('queued', 'running')").query(Long.class).single();
        List<ScenarioP95> p95 = jdbc.sql("""
                        select distinct on (scenario_id) scenario_id, scenario_name, p95_ms from runs
                        where status = 'completed' and scenario_id is not null and p95_ms is not null
                        order by scenario_id, ended_at desc""")
                .query((rs, row) -> new ScenarioP95(rs.getLong(1), rs.getString(2), rs.getDouble(3))).list();
        List<RunSummary> recent = runs.list(new RunRepository.RunFilter(null, null, null, null, null, null, null), 0, 10).items();
        return new Overview(lastWeek, successRate, inProgress, p95, recent, streaming.compute());
    }

    record Overview(@com.fasterxml.jackson.annotation.JsonProperty("runs_last_7_days") long runsLast7Days, @Nullable Double successRate, long runsInProgress, List<ScenarioP95> p95ByScenario,
                    List<RunSummary> recentRuns, StreamingKpis.StreamingOverview streaming) {
    }

    record ScenarioP95(long scenarioId, String scenarioName, double p95Ms) {
    }
}
