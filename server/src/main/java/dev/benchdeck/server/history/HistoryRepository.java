package dev.benchdeck.server.history;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchdeck.server.run.RunRepository;
import dev.benchdeck.server.system.Json;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A scenario's completed runs with each step's figures (run_steps.figures, no histograms), oldest first: the newest
 * {@code limit} runs that match the filters, each with its number in the scenario (1 = its first run, any status).
 */
@Repository
class HistoryRepository {

    private final JdbcClient jdbc;

    HistoryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One step of one run. */
    record StepRow(long runId, long number, Instant at, @Nullable String source, Map<String, String> labels,
                   int stepIndex, String stepLabel, JsonNode figures) {
    }

    /**
     * @param labels      label filters (the four fields and free labels), all must match
     * @param nullBranch  true: only runs without a branch (the comparable runs of a run without one)
     * @param upToRun     only runs queued no later than this run (null: all)
     * @param step        only this step index (null: all)
     */
    List<StepRow> steps(long scenarioId, Map<String, String> labels, boolean nullBranch, @Nullable Long upToRun,
                        @Nullable Integer step, int limit) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("scenario", scenarioId);
        params.put("limit", limit);
        String where = RunRepository.labelCondition(labels, "r", params) + (nullBranch ? " and r.git_branch is null" : "");
        if (upToRun != null) {
            where += " and (r.queued_at, r.id) <= (select u.queued_at, u.id from runs u where u.id = :upTo)";
            params.put("upTo", upToRun);
        }
        String stepCondition = "";
        if (step != null) {
            stepCondition = " and s.step_index = :step";
            params.put("step", step);
        }
        return jdbc.sql("""
                        with picked as (
                          select r.id, r.queued_at, r.source, r.git_commit, r.git_branch, r.version, r.environment_name, r.labels
                          from runs r where r.scenario_id = :scenario and r.status = 'completed' %s
                          order by r.queued_at desc, r.id desc limit :limit),
                        numbered as (
                          select n.id, row_number() over (order by n.queued_at, n.id) as number from runs n where n.scenario_id = :scenario)
                        select p.id, numbered.number, p.queued_at, p.source, p.git_commit, p.git_branch, p.version, p.environment_name,
                          p.labels::text as labels, s.step_index, s.figures::text as figures
                        from picked p join numbered on numbered.id = p.id join run_steps s on s.run_id = p.id %s
                        order by p.queued_at, p.id, s.step_index""".formatted(where, stepCondition))
                .params(params)
                .query((rs, row) -> {
                    JsonNode figures = Json.read(rs.getString("figures"));
                    return new StepRow(rs.getLong("id"), rs.getLong("number"), rs.getTimestamp("queued_at").toInstant(),
                            rs.getString("source"), RunRepository.labels(rs), rs.getInt("step_index"),
                            figures.path("label").asText(""), figures);
                }).list();
    }
}
