package dev.benchdeck.server.run;

import dev.benchdeck.server.security.CurrentActor;
import dev.benchdeck.engine.result.RunResult;
import dev.benchdeck.engine.result.StepResult;
import dev.benchdeck.server.system.Json;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Runs in the {@code runs} table; every status change is a conditional update, so racing workers cannot both win. */
@Repository
public class RunRepository {

    /** When a run last showed it was alive: its last stored interval, else its start. */
    private static final String LAST_SIGN_OF_LIFE =
            "coalesce((select max(i.recorded_at) from run_intervals i where i.run_id = runs.id), runs.started_at, now())";

    static final String SUMMARY_COLUMNS = """
            id, scenario_id, scenario_name, target_id, target_name, status, created_by, queued_at, started_at, ended_at,
            requests, throughput, error_rate, p50_ms, p95_ms, p99_ms, thresholds_passed, created_by_id,
            source, git_commit, git_branch, version, environment_name, labels::text as labels""";

    /** The column of each of the four label fields. */
    private static final Map<String, String> LABEL_COLUMNS = Map.of(RunLabels.COMMIT, "git_commit", RunLabels.BRANCH, "git_branch",
            RunLabels.VERSION, "version", RunLabels.ENVIRONMENT, "environment_name");

    private final JdbcClient jdbc;

    RunRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insertQueued(Long scenarioId, String scenarioName, Long targetId, String targetName, String planYaml, String createdBy,
                             String source, Map<String, String> labels) {
        return insertQueued(scenarioId, scenarioName, targetId, targetName, planYaml, createdBy, CurrentActor.userId(), null, source, labels);
    }

    /** A run on someone's behalf: {@code scheduleId} names the schedule that started it (null: a person did). */
    long insertQueued(Long scenarioId, String scenarioName, Long targetId, String targetName, String planYaml, String createdBy,
                      Long createdById, Long scheduleId, String source, Map<String, String> labels) {
        return jdbc.sql("""
                        insert into runs (scenario_id, scenario_name, target_id, target_name, status, plan_yaml, created_by, created_by_id,
                          schedule_id, source, git_commit, git_branch, version, environment_name, labels)
                        values (:scenario, :scenarioName, :target, :targetName, 'queued', :plan, :by, :byId,
                          :schedule, :source, :commit, :branch, :version, :environment, cast(:labels as jsonb)) returning id""")
                .param("byId", createdById).param("schedule", scheduleId)
                .param("scenario", scenarioId).param("scenarioName", scenarioName).param("target", targetId)
                .param("targetName", targetName).param("plan", planYaml).param("by", createdBy).param("source", source)
                .params(labelParams(labels))
                .query(Long.class).single();
    }

    private static Map<String, Object> labelParams(Map<String, String> labels) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("commit", labels.get(RunLabels.COMMIT));
        params.put("branch", labels.get(RunLabels.BRANCH));
        params.put("version", labels.get(RunLabels.VERSION));
        params.put("environment", labels.get(RunLabels.ENVIRONMENT));
        params.put("labels", Json.write(RunLabels.free(labels)));
        return params;
    }

    /** A run that ran elsewhere, stored as running with the result's start time; {@link #finishImported} ends it. */
    long insertImported(dev.benchdeck.server.scenario.Scenario scenario, String planYaml, String createdBy, Map<String, String> labels,
                        RunResult result) {
        long id = insertQueued(scenario.id(), scenario.name(), scenario.targetId(), scenario.targetName(), planYaml, createdBy,
                "cli-upload", labels);
        jdbc.sql("update runs set status = 'running', queued_at = :started, started_at = :started where id = :id")
                .param("id", id).param("started", Timestamp.from(Instant.ofEpochMilli(result.startedAtMillis()))).update();
        return id;
    }

    /** Ends an uploaded run as the result says, at the result's end time. */
    void finishImported(long id, RunState status, RunResult result) {
        finish(id, status, result);
        jdbc.sql("update runs set ended_at = :ended where id = :id")
                .param("id", id).param("ended", Timestamp.from(Instant.ofEpochMilli(result.endedAtMillis()))).update();
    }

    /** Replaces a run's labels (all four fields and the free ones) with {@code labels}. */
    boolean updateLabels(long id, Map<String, String> labels) {
        return jdbc.sql("""
                        update runs set git_commit = :commit, git_branch = :branch, version = :version, environment_name = :environment,
                          labels = cast(:labels as jsonb) where id = :id""")
                .param("id", id).params(labelParams(labels)).update() == 1;
    }

    /**
     * The SQL condition (on the {@code runs} columns, under {@code alias.}) that a run has every label of
     * {@code filters}; its parameters go into {@code params} as {@code label0}, {@code label1}…
     */
    public static String labelCondition(Map<String, String> filters, String alias, Map<String, Object> params) {
        StringBuilder where = new StringBuilder();
        Map<String, String> free = new LinkedHashMap<>();
        int i = 0;
        for (Map.Entry<String, String> filter : filters.entrySet()) {
            String column = LABEL_COLUMNS.get(filter.getKey());
            if (column == null) {
                free.put(filter.getKey(), filter.getValue());
                continue;
            }
            where.append(" and ").append(alias).append('.').append(column).append(" = :label").append(i);
            params.put("label" + i++, filter.getValue());
        }
        if (!free.isEmpty()) {
            where.append(" and ").append(alias).append(".labels @> cast(:freeLabels as jsonb)");
            params.put("freeLabels", Json.write(free));
        }
        return where.toString();
    }

    public Optional<RunSummary> find(long id) {
        return jdbc.sql("select " + SUMMARY_COLUMNS + " from runs where id = :id").param("id", id)
                .query(RunRepository::summary).optional();
    }

    Optional<RunDetail> findDetail(long id, String stepsJson) {
        return jdbc.sql("select " + SUMMARY_COLUMNS + ", plan_yaml, environment::text as environment, failure, "
                        + "overall::text as overall, verdicts::text as verdicts, setup::text as setup from runs where id = :id")
                .param("id", id)
                .query((rs, row) -> new RunDetail(summary(rs, row), rs.getString("plan_yaml"), rs.getString("environment"),
                        rs.getString("failure"), rs.getString("setup"), stepsJson, rs.getString("overall"), rs.getString("verdicts")))
                .optional();
    }

    /** The stored setup summary (a JSON array of the last report of each phase), once the run has ended. */
    public Optional<String> setupJson(long id) {
        return jdbc.sql("select setup::text from runs where id = :id and setup is not null").param("id", id)
                .query(String.class).optional();
    }

    Optional<String> planYaml(long id) {
        return jdbc.sql("select plan_yaml from runs where id = :id").param("id", id).query(String.class).optional();
    }

    /** One page of runs, newest first, filtered by whatever is given. */
    public RunPage list(RunFilter filter, int page, int size) {
        return list(filter, null, page, size);
    }

    /**
     * One page of runs, newest first: the {@code size} after {@code after} (a cursor from an earlier page) when it is
     * given, else page number {@code page}. Either way the database reads only about one page of rows from an end or
     * from the cursor, except for page numbers in the middle of a long list.
     */
    public RunPage list(RunFilter filter, RunCursor after, int page, int size) {
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder where = new StringBuilder(" where true");
        if (filter.status() != null) {
            where.append(" and status = :status");
            params.put("status", filter.status().value());
        }
        if (filter.targetId() != null) {
            where.append(" and target_id = :target");
            params.put("target", filter.targetId());
        }
        if (filter.scenarioId() != null) {
            where.append(" and scenario_id = :scenario");
            params.put("scenario", filter.scenarioId());
        }
        if (filter.createdById() != null) {
            where.append(" and created_by_id = :createdBy");
            params.put("createdBy", filter.createdById());
        }
        if (!filter.labels().isEmpty()) {
            where.append(labelCondition(filter.labels(), "runs", params));
        }
        if (filter.from() != null) {
            where.append(" and queued_at >= :from");
            params.put("from", Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            where.append(" and queued_at < :to");
            params.put("to", Timestamp.from(filter.to()));
        }
        long total = jdbc.sql("select count(*) from runs" + where).params(params).query(Long.class).single();
        List<RunSummary> items;
        if (after != null) {
            // keyset: the rows after the cursor's, read from the index wherever the cursor lies
            where.append(" and (queued_at, id) < (:afterAt, :afterId)");
            params.put("afterAt", Timestamp.from(after.queuedAt()));
            params.put("afterId", after.id());
            params.put("limit", size + 1); // one more than asked tells whether there is a next page
            items = jdbc.sql("select " + SUMMARY_COLUMNS + " from runs" + where + " order by queued_at desc, id desc limit :limit")
                    .params(params).query(RunRepository::summary).list();
        } else if ((long) page * size * 2 > total) {
            // a page in the second half is read from the oldest end, so the last page is as quick as the first
            long skip = Math.max(0, total - (long) (page + 1) * size);
            long take = Math.max(0, Math.min(size, total - (long) page * size));
            params.put("limit", take);
            params.put("offset", skip);
            items = new ArrayList<>(jdbc.sql("select " + SUMMARY_COLUMNS + " from runs" + where
                            + " order by queued_at asc, id asc limit :limit offset :offset")
                    .params(params).query(RunRepository::summary).list());
            java.util.Collections.reverse(items);
        } else {
            params.put("limit", size);
            params.put("offset", (long) page * size);
            items = jdbc.sql("select " + SUMMARY_COLUMNS + " from runs" + where
                            + " order by queued_at desc, id desc limit :limit offset :offset")
                    .params(params).query(RunRepository::summary).list();
        }
        boolean more = after != null ? items.size() > size : (long) (page + 1) * size < total;
        if (items.size() > size) {
            items = items.subList(0, size);
        }
        String next = more && !items.isEmpty() ? RunCursor.of(items.get(items.size() - 1)).text() : null;
        return new RunPage(items, after != null ? null : page, size, total, next);
    }

    /** Claims a queued run for execution; false when it was cancelled (or claimed) meanwhile. */
    boolean markRunning(long id) {
        return jdbc.sql("update runs set status = 'running', started_at = now() where id = :id and status = 'queued'")
                .param("id", id).update() == 1;
    }

    boolean cancelQueued(long id) {
        return jdbc.sql("update runs set status = 'cancelled', ended_at = now() where id = :id and status = 'queued'")
                .param("id", id).update() == 1;
    }

    void finish(long id, RunState status, RunResult result) {
        StepResult overall = result.overall();
        var latency = overall == null || overall.latency() == null ? null : overall.latency().summary();
        jdbc.sql("""
                        update runs set status = :status, ended_at = now(), environment = cast(:environment as jsonb),
                          overall = cast(:overall as jsonb), verdicts = cast(:verdicts as jsonb), failure = :failure,
                          thresholds_passed = :passed, setup = cast(:setup as jsonb), requests = :requests, throughput = :throughput,
                          error_rate = :errorRate, p50_ms = :p50, p95_ms = :p95, p99_ms = :p99
                        where id = :id and status = 'running'""")
                .param("id", id).param("status", status.value())
                .param("environment", Json.write(result.environment()))
                .param("overall", overall == null ? null : Json.write(overall))
                .param("verdicts", Json.write(result.verdicts()))
                .param("failure", result.failure())
                .param("setup", Json.write(result.setup()))
                .param("passed", overall == null || result.verdicts().isEmpty() ? null : result.thresholdsPassed())
                .param("requests", overall == null ? null : overall.requests())
                .param("throughput", overall == null ? null : overall.throughput())
                .param("errorRate", overall == null ? null : overall.errorRate())
                .param("p50", latency == null ? null : latency.p50())
                .param("p95", latency == null ? null : latency.p95())
                .param("p99", latency == null ? null : latency.p99())
                .update();
    }

    void fail(long id, String failure) {
        jdbc.sql("update runs set status = 'failed', ended_at = now(), failure = :failure where id = :id and status in ('queued', 'running')")
                .param("id", id).param("failure", failure).update();
    }

    /**
     * Marks runs left {@code running} by a process that died as {@code interrupted} (their intervals
     * stay), except those running in this process and those another live replica executes (its
     * scheduler picked the run and beat within {@code alive}), and returns their ids. Each ends when
     * its last interval was stored (else when it started), not now.
     */
    public List<Long> markInterrupted(Collection<Long> runningHere, String schedulerName, Duration alive) {
        String here = runningHere.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
        return jdbc.sql("""
                        update runs set status = 'interrupted', ended_at = %s,
                          failure = 'the server stopped while the run was in progress'
                        where status = 'running' and not (id = any(cast(:here as bigint[])))
                          and not exists (select 1 from scheduled_tasks t where t.task_name = :task and t.task_instance = runs.id::text
                            and t.picked and t.picked_by is distinct from :me and t.last_heartbeat > now() - cast(:alive as interval))
                        returning id""".formatted(LAST_SIGN_OF_LIFE))
                .param("here", here).param("task", RunScheduling.TASK).param("me", schedulerName)
                .param("alive", alive.toSeconds() + " seconds").query(Long.class).list();
    }

    boolean markInterrupted(long id) {
        return jdbc.sql("""
                        update runs set status = 'interrupted', ended_at = %s,
                          failure = 'the worker running it stopped answering' where id = :id and status = 'running'""".formatted(LAST_SIGN_OF_LIFE))
                .param("id", id).update() == 1;
    }

    /** Cancels a run marked running that executes nowhere (its worker died without recording the end). */
    boolean cancelStuck(long id) {
        return jdbc.sql("""
                        update runs set status = 'cancelled', ended_at = %s,
                          failure = 'cancelled while it was no longer executing (its worker had stopped)'
                        where id = :id and status = 'running'""".formatted(LAST_SIGN_OF_LIFE))
                .param("id", id).update() == 1;
    }

    /** Deletes a run that has ended, with its steps, intervals and error samples; false when it does not exist or has not ended. */
    boolean deleteFinished(long id) {
        return jdbc.sql("delete from runs where id = :id and status not in ('queued', 'running')").param("id", id).update() == 1;
    }

    static RunSummary summary(ResultSet rs, int row) throws SQLException {
        return new RunSummary(rs.getLong("id"), nullableLong(rs, "scenario_id"), rs.getString("scenario_name"),
                nullableLong(rs, "target_id"), rs.getString("target_name"), RunState.parse(rs.getString("status")).orElseThrow(),
                rs.getString("created_by"), instant(rs, "queued_at"), instant(rs, "started_at"), instant(rs, "ended_at"),
                nullableLong(rs, "requests"), nullableDouble(rs, "throughput"), nullableDouble(rs, "error_rate"),
                nullableDouble(rs, "p50_ms"), nullableDouble(rs, "p95_ms"), nullableDouble(rs, "p99_ms"),
                (Boolean) rs.getObject("thresholds_passed"), nullableLong(rs, "created_by_id"), rs.getString("source"), labels(rs));
    }

    /** The four label fields (those set) and then the free labels. */
    public static Map<String, String> labels(ResultSet rs) throws SQLException {
        Map<String, String> labels = new LinkedHashMap<>();
        for (String field : RunLabels.FIELDS) {
            String value = rs.getString(LABEL_COLUMNS.get(field));
            if (value != null) {
                labels.put(field, value);
            }
        }
        String free = rs.getString("labels");
        if (free != null) {
            Json.read(free).properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
        }
        return labels;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static Double nullableDouble(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    /** The optional filters of the runs list. */
    public record RunFilter(RunState status, Long targetId, Long scenarioId, Instant from, Instant to, Long createdById,
                            Map<String, String> labels) {
        public RunFilter {
            labels = labels == null ? Map.of() : labels;
        }
    }

    /**
     * A page of runs; {@code page} is null for a page asked for by cursor; {@code nextCursor} asks for the page after it
     * ({@code ?after=}), null on the last page.
     */
    public record RunPage(List<RunSummary> items, @Nullable Integer page, int size, long total,
                          @Nullable String nextCursor) {
    }
}
