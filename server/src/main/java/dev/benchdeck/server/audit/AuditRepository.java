package dev.benchdeck.server.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code audit_log} table. */
@Repository
class AuditRepository {

    private final JdbcClient jdbc;

    AuditRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Long actorId, String actorName, String action, String objectType, String objectId, String address, String detail) {
        jdbc.sql("""
                        insert into audit_log (actor_id, actor_name, action, object_type, object_id, address, detail)
                        values (:actorId, :actorName, :action, :objectType, :objectId, :address, :detail)""")
                .param("actorId", actorId, java.sql.Types.BIGINT).param("actorName", actorName, java.sql.Types.VARCHAR)
                .param("action", action).param("objectType", objectType, java.sql.Types.VARCHAR)
                .param("objectId", objectId, java.sql.Types.VARCHAR).param("address", address, java.sql.Types.VARCHAR)
                .param("detail", detail, java.sql.Types.VARCHAR)
                .update();
    }

    /** What a query asks for; null parts do not filter. */
    record Filter(String actor, String action, Instant from, Instant to) {
    }

    record Page(List<AuditEntry> items, long total) {
    }

    Page find(Filter filter, int limit) {
        StringBuilder conditions = new StringBuilder(" where true");
        if (filter.actor() != null) {
            conditions.append(" and actor_name = :actor");
        }
        if (filter.action() != null) {
            conditions.append(" and action = :action");
        }
        if (filter.from() != null) {
            conditions.append(" and at >= :from");
        }
        if (filter.to() != null) {
            conditions.append(" and at < :to");
        }
        long total = bind(jdbc.sql("select count(*) from audit_log" + conditions), filter).query(Long.class).single();
        List<AuditEntry> items = bind(jdbc.sql("select id, at, actor_name, action, object_type, object_id, address, detail from audit_log"
                + conditions + " order by at desc, id desc limit :limit"), filter).param("limit", limit)
                .query(AuditRepository::map).list();
        return new Page(items, total);
    }

    /** Deletes entries older than {@code before}; how many went. */
    int deleteBefore(Instant before) {
        return jdbc.sql("delete from audit_log where at < :before").param("before", Timestamp.from(before)).update();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Filter filter) {
        if (filter.actor() != null) {
            spec = spec.param("actor", filter.actor());
        }
        if (filter.action() != null) {
            spec = spec.param("action", filter.action());
        }
        if (filter.from() != null) {
            spec = spec.param("from", Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            spec = spec.param("to", Timestamp.from(filter.to()));
        }
        return spec;
    }

    private static AuditEntry map(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("actor_name"), rs.getString("action"),
                rs.getString("object_type"), rs.getString("object_id"), rs.getString("address"), rs.getString("detail"));
    }
}
