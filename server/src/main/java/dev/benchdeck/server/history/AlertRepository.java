package dev.benchdeck.server.history;

import dev.benchdeck.server.system.Json;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Alerts in {@code run_alerts}; a finding already stored for the same run, step, metric and test is not stored again. */
@Repository
class AlertRepository {

    private static final String SELECT = """
            select a.id, a.run_id, a.scenario_id, r.scenario_name,
              (select count(*) from runs n where n.scenario_id = r.scenario_id and (n.queued_at, n.id) <= (r.queued_at, r.id)) as run_number,
              a.step_index, a.step_label, a.metric, a.test, a.value, a.baseline, a.details::text as details, a.message, a.status,
              a.status_by, a.status_at, a.status_reason, a.created_at
            from run_alerts a join runs r on r.id = a.run_id""";

    private final JdbcClient jdbc;

    AlertRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a finding; false when the same one was stored before. */
    boolean insert(long runId, @Nullable Long scenarioId, int stepIndex, String stepLabel, String metric, Finding finding) {
        return jdbc.sql("""
                        insert into run_alerts (run_id, scenario_id, step_index, step_label, metric, test, value, baseline, details, message)
                        values (:run, :scenario, :step, :label, :metric, :test, :value, :baseline, cast(:details as jsonb), :message)
                        on conflict (run_id, step_index, metric, test) do nothing""")
                .param("run", runId).param("scenario", scenarioId).param("step", stepIndex).param("label", stepLabel)
                .param("metric", metric).param("test", finding.test()).param("value", finding.value())
                .param("baseline", finding.baseline()).param("details", Json.write(finding.details()))
                .param("message", finding.message()).update() == 1;
    }

    Optional<Alert> find(long id) {
        return jdbc.sql(SELECT + " where a.id = :id").param("id", id).query(AlertRepository::map).optional();
    }

    List<Alert> forRun(long runId) {
        return jdbc.sql(SELECT + " where a.run_id = :run order by a.step_index, a.metric, a.test").param("run", runId)
                .query(AlertRepository::map).list();
    }

    List<Alert> forRuns(List<Long> runIds) {
        if (runIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where a.run_id = any(cast(:runs as bigint[])) order by a.run_id, a.step_index, a.metric, a.test")
                .param("runs", runIds.toArray(Long[]::new)).query(AlertRepository::map).list();
    }

    /** Newest first; {@code status} and {@code scenarioId} null for any. */
    List<Alert> list(@Nullable Long scenarioId, @Nullable String status, int limit) {
        return jdbc.sql(SELECT + " where (cast(:scenario as bigint) is null or a.scenario_id = :scenario)"
                        + " and (cast(:status as text) is null or a.status = :status) order by a.created_at desc, a.id desc limit :limit")
                .param("scenario", scenarioId).param("status", status).param("limit", limit)
                .query(AlertRepository::map).list();
    }

    boolean setStatus(long id, String status, String by, @Nullable Long byId, @Nullable String reason) {
        return jdbc.sql("""
                        update run_alerts set status = :status, status_by = :by, status_by_id = :byId, status_at = now(),
                          status_reason = :reason where id = :id""")
                .param("id", id).param("status", status).param("by", by).param("byId", byId).param("reason", reason).update() == 1;
    }

    /** The values marked false positives in a scenario, as {@code runId/stepIndex/metric}: they stay out of baselines. */
    Set<String> falsePositives(long scenarioId) {
        return new HashSet<>(jdbc.sql("""
                        select distinct a.run_id || '/' || a.step_index || '/' || a.metric from run_alerts a
                        where a.scenario_id = :scenario and a.status = 'false_positive'""")
                .param("scenario", scenarioId).query(String.class).list());
    }

    static String key(long runId, int stepIndex, String metric) {
        return runId + "/" + stepIndex + "/" + metric;
    }

    private static Alert map(ResultSet rs, int row) throws SQLException {
        String metric = rs.getString("metric");
        return new Alert(rs.getLong("id"), rs.getLong("run_id"), (Long) rs.getObject("scenario_id"), rs.getString("scenario_name"),
                rs.getLong("run_number"), rs.getInt("step_index"), rs.getString("step_label"), metric,
                HistoryMetric.byName(metric).map(HistoryMetric::unit).orElse(""), rs.getString("test"), rs.getDouble("value"),
                (Double) rs.getObject("baseline"), rs.getString("details"), rs.getString("message"), rs.getString("status"),
                rs.getString("status_by"), instant(rs.getTimestamp("status_at")), rs.getString("status_reason"),
                instant(rs.getTimestamp("created_at")));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
