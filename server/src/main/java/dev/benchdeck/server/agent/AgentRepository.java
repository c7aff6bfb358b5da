package dev.benchdeck.server.agent;

import dev.benchdeck.engine.shard.AgentMessages;
import dev.benchdeck.server.system.Json;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The {@code agents} and {@code run_shards} tables. */
@Repository
class AgentRepository {

    /** Not claimed by a run that may still use it (a claim left by a run that ended without freeing it does not count). */
    private static final String UNCLAIMED = """
            (current_run is null or not exists (select 1 from runs r where r.id = agents.current_run and r.status in ('queued', 'running')))""";
    private static final String COLUMNS = """
            id, name, labels, cores, memory_bytes, version, registered_at, last_heartbeat, clock_offset_us, round_trip_us,
            current_run, current_shard, last_heartbeat > now() - cast(:silence as interval) as online""";

    private final JdbcClient jdbc;

    AgentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(AgentMessages.Registration agent, @Nullable Long userId) {
        return jdbc.sql("""
                        insert into agents (name, labels, cores, memory_bytes, version, registered_by)
                        values (:name, cast(:labels as jsonb), :cores, :memory, :version, :user) returning id""")
                .param("name", agent.name()).param("labels", Json.write(agent.labels() == null ? Map.of() : agent.labels())).param("cores", agent.cores())
                .param("memory", agent.memoryBytes()).param("version", agent.version()).param("user", userId)
                .query(Long.class).single();
    }

    /** Records a heartbeat; false when there is no such agent (deleted, or registered with another server's database). */
    boolean touch(long id, long clockOffsetMicros, long roundTripMicros) {
        return jdbc.sql("update agents set last_heartbeat = now(), clock_offset_us = :offset, round_trip_us = :rtt where id = :id")
                .param("id", id).param("offset", clockOffsetMicros).param("rtt", roundTripMicros).update() == 1;
    }

    /** Whether the agent exists and was registered by this user (any agent, for an admin). */
    boolean ownedBy(long id, @Nullable Long userId, boolean admin) {
        return jdbc.sql("select exists (select 1 from agents where id = :id and (registered_by = :user or :admin))")
                .param("id", id).param("user", userId).param("admin", admin).query(Boolean.class).single();
    }

    /** Removes the local agents of earlier starts (they registered under a label value no longer used) once offline. */
    void forgetStaleLocal() {
        jdbc.sql("""
                        delete from agents where labels ->> :label is not null and current_run is null and registered_by is null
                          and last_heartbeat < now() - cast(:silence as interval)""")
                .param("label", LocalAgents.LABEL).param("silence", silence()).update();
    }

    /** Marks the agents of that name and label value offline (their process is known to be dead). */
    void markOffline(String label, String value, String name) {
        jdbc.sql("update agents set last_heartbeat = now() - interval '1 hour' where labels ->> :label = :value and name = :name")
                .param("label", label).param("value", value).param("name", name).update();
    }

    /** Whether the agent exists and was registered by no user (the server's local agents). */
    boolean ownedByNobody(long id) {
        return jdbc.sql("select exists (select 1 from agents where id = :id and registered_by is null)")
                .param("id", id).query(Boolean.class).single();
    }

    List<AgentView> list() {
        return jdbc.sql("select " + COLUMNS + " from agents order by online desc, last_heartbeat desc, id limit 500")
                .param("silence", silence()).query(AgentRepository::view).list();
    }

    /** Online agents executing nothing, oldest heartbeat last: candidates for a run. */
    List<AgentView> free() {
        return jdbc.sql("select " + COLUMNS + " from agents where " + UNCLAIMED
                        + " and last_heartbeat > now() - cast(:silence as interval) order by id")
                .param("silence", silence()).query(AgentRepository::view).list();
    }

    /** Free agents that no user registered (the server's local agents). */
    List<AgentView> freeUnowned() {
        return jdbc.sql("select " + COLUMNS + " from agents where " + UNCLAIMED
                        + " and registered_by is null and last_heartbeat > now() - cast(:silence as interval) order by id")
                .param("silence", silence()).query(AgentRepository::view).list();
    }

    /** The run that claimed the agent, if any. */
    Optional<Long> currentRun(long id) {
        return jdbc.sql("select current_run from agents where id = :id and current_run is not null").param("id", id).query(Long.class).optional();
    }

    /** Claims the agents for a run's shards, all or none (another run may have claimed one meanwhile). */
    @Transactional
    boolean claim(long runId, List<Long> agentIds) {
        for (int shard = 0; shard < agentIds.size(); shard++) {
            int claimed = jdbc.sql("update agents set current_run = :run, current_shard = :shard where id = :id and " + UNCLAIMED)
                    .param("run", runId).param("shard", shard).param("id", agentIds.get(shard)).update();
            if (claimed != 1) {
                org.springframework.transaction.interceptor.TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
                return false;
            }
        }
        return true;
    }

    void release(long runId) {
        jdbc.sql("update agents set current_run = null, current_shard = null where current_run = :run").param("run", runId).update();
    }

    void insertShard(long runId, int index, int count, AgentView agent) {
        jdbc.sql("""
                        insert into run_shards (run_id, shard_index, shard_count, agent_id, agent_name, status, clock_offset_us, round_trip_us)
                        values (:run, :index, :count, :agent, :name, 'assigned', :offset, :rtt)""")
                .param("run", runId).param("index", index).param("count", count).param("agent", agent.id())
                .param("name", agent.name()).param("offset", micros(agent.clockOffsetMs())).param("rtt", micros(agent.roundTripMs())).update();
    }

    void shardStatus(long runId, int index, String status, @Nullable String failure, @Nullable String resultJson) {
        jdbc.sql("""
                        update run_shards set status = :status, failure = coalesce(:failure, failure),
                          result = coalesce(cast(:result as jsonb), result),
                          ended_at = case when :status in ('finished', 'failed', 'lost') then now() else ended_at end
                        where run_id = :run and shard_index = :index""")
                .param("run", runId).param("index", index).param("status", status).param("failure", failure)
                .param("result", resultJson).update();
    }

    List<ShardView> shards(long runId) {
        return jdbc.sql("""
                        select shard_index, shard_count, agent_id, agent_name, status, clock_offset_us, round_trip_us, assigned_at,
                          ended_at, failure, result -> 'overall' as overall
                        from run_shards where run_id = :run order by shard_index""")
                .param("run", runId)
                .query((rs, row) -> new ShardView(rs.getInt("shard_index"), rs.getInt("shard_count"), nullableLong(rs, "agent_id"),
                        rs.getString("agent_name"), rs.getString("status"), millis(nullableLong(rs, "clock_offset_us")),
                        millis(nullableLong(rs, "round_trip_us")), text(instant(rs, "assigned_at")), text(instant(rs, "ended_at")),
                        rs.getString("failure"), rs.getString("overall") == null ? null : Json.read(rs.getString("overall"))))
                .list();
    }

    private static String silence() {
        return AgentMessages.SILENCE_LIMIT.toSeconds() + " seconds";
    }

    private static AgentView view(ResultSet rs, int row) throws SQLException {
        @SuppressWarnings("unchecked")
        Map<String, String> labels = Json.read(rs.getString("labels"), Map.class);
        return new AgentView(rs.getLong("id"), rs.getString("name"), labels, rs.getInt("cores"), rs.getLong("memory_bytes"),
                rs.getString("version"), instant(rs, "registered_at"), instant(rs, "last_heartbeat"), rs.getBoolean("online"),
                millis(nullableLong(rs, "clock_offset_us")), millis(nullableLong(rs, "round_trip_us")), nullableLong(rs, "current_run"),
                rs.getObject("current_shard") == null ? null : rs.getInt("current_shard"));
    }

    private static @Nullable Double millis(@Nullable Long micros) {
        return micros == null ? null : micros / 1000.0;
    }

    private static @Nullable String text(@Nullable Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static @Nullable Long micros(@Nullable Double millis) {
        return millis == null ? null : Math.round(millis * 1000);
    }

    private static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
