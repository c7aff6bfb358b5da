package dev.benchdeck.server.notify;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code webhooks} and {@code webhook_deliveries} tables. */
@Repository
class WebhookRepository {

    private static final String HOOK = "id, name, url, format, events, enabled, created_at";
    private static final String DELIVERY = """
            id, webhook_id, event, run_id, status, attempts, next_attempt_at, last_status, last_error, last_answer, created_at,
            delivered_at""";

    private final JdbcClient jdbc;

    WebhookRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Webhook> list() {
        return jdbc.sql("select " + HOOK + " from webhooks order by id").query(WebhookRepository::webhook).list();
    }

    Optional<Webhook> find(long id) {
        return jdbc.sql("select " + HOOK + " from webhooks where id = :id").param("id", id).query(WebhookRepository::webhook).optional();
    }

    /** Enabled webhooks told about {@code event}, with their encrypted secrets. */
    List<Subscriber> subscribers(WebhookEvent event) {
        return jdbc.sql("select " + HOOK + ", secret from webhooks where enabled and :event = any (events) order by id")
                .param("event", event.value())
                .query((rs, row) -> new Subscriber(webhook(rs, row), rs.getBytes("secret"))).list();
    }

    byte[] secret(long id) {
        return jdbc.sql("select secret from webhooks where id = :id").param("id", id).query(byte[].class).single();
    }

    long insert(String name, String url, String format, List<String> events, boolean enabled, byte[] secret, @Nullable Long byId) {
        return jdbc.sql("""
                        insert into webhooks (name, url, format, events, enabled, secret, created_by_id)
                        values (:name, :url, :format, cast(:events as text[]), :enabled, :secret, :by) returning id""")
                .param("name", name).param("url", url).param("format", format).param("events", arrayLiteral(events))
                .param("enabled", enabled).param("secret", secret).param("by", byId).query(Long.class).single();
    }

    void update(long id, String name, String url, String format, List<String> events, boolean enabled) {
        jdbc.sql("""
                        update webhooks set name = :name, url = :url, format = :format, events = cast(:events as text[]), enabled = :enabled
                        where id = :id""")
                .param("id", id).param("name", name).param("url", url).param("format", format)
                .param("events", arrayLiteral(events)).param("enabled", enabled).update();
    }

    void delete(long id) {
        jdbc.sql("delete from webhooks where id = :id").param("id", id).update();
    }

    long insertDelivery(long webhookId, WebhookEvent event, @Nullable Long runId, String body, Instant now) {
        return jdbc.sql("""
                        insert into webhook_deliveries (webhook_id, event, run_id, body, status, next_attempt_at)
                        values (:hook, :event, :run, :body, 'pending', :now) returning id""")
                .param("hook", webhookId).param("event", event.value()).param("run", runId).param("body", body)
                .param("now", Timestamp.from(now)).query(Long.class).single();
    }

    /**
     * Takes a due pending delivery for one attempt: its next attempt moves to {@code lease}, so that the retry poller
     * and the first attempt never send it twice at once. Empty when it is not due (or not pending).
     */
    Optional<Claimed> claim(long deliveryId, Instant now, Instant lease) {
        return jdbc.sql("""
                        update webhook_deliveries d set next_attempt_at = :lease
                        from webhooks w
                        where d.id = :id and w.id = d.webhook_id and d.status = 'pending' and d.next_attempt_at <= :now
                        returning d.id, d.webhook_id, d.body, d.attempts, w.url, w.secret""")
                .param("id", deliveryId).param("now", Timestamp.from(now)).param("lease", Timestamp.from(lease))
                .query((rs, row) -> new Claimed(rs.getLong("id"), rs.getLong("webhook_id"), rs.getString("body"),
                        rs.getInt("attempts"), rs.getString("url"), rs.getBytes("secret")))
                .optional();
    }

    List<Long> due(Instant now, int limit) {
        return jdbc.sql("""
                        select id from webhook_deliveries where status = 'pending' and next_attempt_at <= :now
                        order by next_attempt_at limit :limit""")
                .param("now", Timestamp.from(now)).param("limit", limit).query(Long.class).list();
    }

    /** One attempt's outcome: {@code status} delivered, failed (no attempts left) or pending again at {@code next}. */
    void attempted(long id, String status, @Nullable Instant next, @Nullable Integer httpStatus, @Nullable String error,
                   @Nullable String answer, Instant now) {
        jdbc.sql("""
                        update webhook_deliveries set status = :status, attempts = attempts + 1, next_attempt_at = :next,
                          last_status = :http, last_error = :error, last_answer = :answer,
                          delivered_at = case when :status = 'delivered' then :now else delivered_at end
                        where id = :id""")
                .param("id", id).param("status", status).param("next", next == null ? null : Timestamp.from(next))
                .param("http", httpStatus).param("error", error).param("answer", answer).param("now", Timestamp.from(now)).update();
    }

    List<WebhookDelivery> deliveries(long webhookId, int limit) {
        return jdbc.sql("select " + DELIVERY + " from webhook_deliveries where webhook_id = :hook order by id desc limit :limit")
                .param("hook", webhookId).param("limit", limit).query(WebhookRepository::delivery).list();
    }

    Optional<WebhookDelivery> delivery(long id) {
        return jdbc.sql("select " + DELIVERY + " from webhook_deliveries where id = :id").param("id", id)
                .query(WebhookRepository::delivery).optional();
    }

    record Subscriber(Webhook webhook, byte[] secret) {
    }

    record Claimed(long id, long webhookId, String body, int attempts, String url, byte[] secret) {
    }

    /** A text[] literal; event names are fixed identifiers, so no quoting beyond braces is needed. */
    private static String arrayLiteral(List<String> values) {
        return "{" + String.join(",", values) + "}";
    }

    private static Webhook webhook(ResultSet rs, int row) throws SQLException {
        Array events = rs.getArray("events");
        return new Webhook(rs.getLong("id"), rs.getString("name"), rs.getString("url"), rs.getString("format"),
                Arrays.asList((String[]) events.getArray()), rs.getBoolean("enabled"), rs.getTimestamp("created_at").toInstant());
    }

    private static WebhookDelivery delivery(ResultSet rs, int row) throws SQLException {
        long run = rs.getLong("run_id");
        Long runId = rs.wasNull() ? null : run;
        int http = rs.getInt("last_status");
        Integer lastStatus = rs.wasNull() ? null : http;
        Timestamp next = rs.getTimestamp("next_attempt_at");
        Timestamp delivered = rs.getTimestamp("delivered_at");
        return new WebhookDelivery(rs.getLong("id"), rs.getLong("webhook_id"), rs.getString("event"), runId, rs.getString("status"),
                rs.getInt("attempts"), next == null ? null : next.toInstant(), lastStatus, rs.getString("last_error"),
                rs.getString("last_answer"), rs.getTimestamp("created_at").toInstant(), delivered == null ? null : delivered.toInstant());
    }
}
