package dev.benchdeck.server.schedule;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code schedules} table. */
@Repository
class ScheduleRepository {

    private static final String COLUMNS = """
            s.id, s.scenario_id, c.name as scenario_name, s.cron, s.time_zone, s.missed, s.paused, s.next_fire_at, s.last_fire_at,
            s.last_run_id, s.last_problem, s.missed_fires, s.created_by, s.created_at, s.created_by_id""";
    private static final String FROM = " from schedules s join scenarios c on c.id = s.scenario_id";

    private final JdbcClient jdbc;

    ScheduleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Schedule> list(@Nullable Long scenarioId) {
        return jdbc.sql("select " + COLUMNS + FROM + (scenarioId == null ? "" : " where s.scenario_id = :scenario") + " order by s.id")
                .param("scenario", scenarioId).query(ScheduleRepository::schedule).list();
    }

    Optional<Schedule> find(long id) {
        return jdbc.sql("select " + COLUMNS + FROM + " where s.id = :id").param("id", id).query(ScheduleRepository::schedule).optional();
    }

    long insert(long scenarioId, String cron, String zone, String missed, boolean paused, @Nullable Instant next,
                @Nullable Long byId, @Nullable String by) {
        return jdbc.sql("""
                        insert into schedules (scenario_id, cron, time_zone, missed, paused, next_fire_at, created_by_id, created_by)
                        values (:scenario, :cron, :zone, :missed, :paused, :next, :byId, :by) returning id""")
                .param("scenario", scenarioId).param("cron", cron).param("zone", zone).param("missed", missed)
                .param("paused", paused).param("next", timestamp(next)).param("byId", byId).param("by", by)
                .query(Long.class).single();
    }

    void update(long id, String cron, String zone, String missed, boolean paused, @Nullable Instant next) {
        jdbc.sql("""
                        update schedules set cron = :cron, time_zone = :zone, missed = :missed, paused = :paused, next_fire_at = :next,
                          last_problem = null where id = :id""")
                .param("id", id).param("cron", cron).param("zone", zone).param("missed", missed).param("paused", paused)
                .param("next", timestamp(next)).update();
    }

    void delete(long id) {
        jdbc.sql("delete from schedules where id = :id").param("id", id).update();
    }

    /** Due schedules, locked for this transaction; another replica's ticker skips them. */
    List<Schedule> lockDue(Instant now) {
        return jdbc.sql("select " + COLUMNS + FROM + " where not s.paused and s.next_fire_at <= :now order by s.next_fire_at"
                        + " for update of s skip locked")
                .param("now", Timestamp.from(now)).query(ScheduleRepository::schedule).list();
    }

    /** A fire time handled: the next one set, missed ones counted, the problem (or none) noted. */
    void fired(long id, Instant firedAt, @Nullable Instant next, @Nullable String problem, long missed) {
        jdbc.sql("""
                        update schedules set last_fire_at = :at, next_fire_at = :next, last_problem = :problem,
                          missed_fires = missed_fires + :missed where id = :id""")
                .param("id", id).param("at", Timestamp.from(firedAt)).param("next", timestamp(next))
                .param("problem", problem).param("missed", missed).update();
    }

    /** What firing gave: the run it queued, or why none. */
    void recordOutcome(long id, @Nullable Long runId, @Nullable String problem) {
        jdbc.sql("update schedules set last_run_id = coalesce(:run, last_run_id), last_problem = :problem where id = :id")
                .param("id", id).param("run", runId).param("problem", problem).update();
    }

    private static @Nullable Timestamp timestamp(@Nullable Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Schedule schedule(ResultSet rs, int row) throws SQLException {
        long lastRun = rs.getLong("last_run_id");
        Long lastRunId = rs.wasNull() ? null : lastRun;
        long by = rs.getLong("created_by_id");
        Long byId = rs.wasNull() ? null : by;
        return new Schedule(rs.getLong("id"), rs.getLong("scenario_id"), rs.getString("scenario_name"), rs.getString("cron"),
                rs.getString("time_zone"), rs.getString("missed"), rs.getBoolean("paused"), instant(rs, "next_fire_at"),
                instant(rs, "last_fire_at"), lastRunId, rs.getString("last_problem"), rs.getLong("missed_fires"),
                rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(), byId);
    }
}
