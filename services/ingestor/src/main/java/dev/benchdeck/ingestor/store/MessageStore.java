package dev.benchdeck.ingestor.store;

import dev.benchdeck.ingestor.message.Message;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.postgresql.PGConnection;

/**
 * The sink: table {@code messages} (id primary key, so a redelivered message makes no second row) and the SQL the
 * workers and the read endpoints use. The schema is created if missing.
 */
public final class MessageStore {

    static final String CREATE = """
            CREATE TABLE IF NOT EXISTS messages (
                id          text        PRIMARY KEY,
                user_id     bigint      NOT NULL,
                channel_id  bigint      NOT NULL,
                content     text        NOT NULL,
                created_at  timestamptz NOT NULL,
                inserted_at timestamptz NOT NULL);
            CREATE INDEX IF NOT EXISTS messages_inserted_at ON messages (inserted_at DESC)""";
    /** Per connection: COPY lands here first, because COPY itself cannot skip rows that already exist. */
    private static final String STAGING = "CREATE TEMP TABLE IF NOT EXISTS ingest_staging (id text, user_id bigint, channel_id bigint,"
            + " content text, created_at timestamptz) ON COMMIT DELETE ROWS";
    private static final String MOVE = "INSERT INTO messages (id, user_id, channel_id, content, created_at, inserted_at)"
            + " SELECT id, user_id, channel_id, content, created_at, ? FROM ingest_staging ON CONFLICT (id) DO NOTHING";
    private static final String COLUMNS = "id, user_id, channel_id, content, created_at, inserted_at";

    private MessageStore() {
    }

    public static void createSchema(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(CREATE);
        }
    }

    /** Once per worker connection. */
    public static void prepareWriter(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(STAGING);
        }
    }

    /**
     * COPY into staging, then insert what is new; the caller commits. Returns how many rows were new (the rest
     * were redeliveries of stored messages).
     */
    public static int write(Connection c, List<Message> messages, Instant insertedAt) throws SQLException {
        try {
            c.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "COPY ingest_staging (id, user_id, channel_id, content, created_at) FROM STDIN",
                    new ByteArrayInputStream(CopyText.encode(messages)));
        } catch (IOException e) {
            throw new SQLException("COPY failed: " + e.getMessage(), "08006", e);
        }
        try (PreparedStatement insert = c.prepareStatement(MOVE)) {
            insert.setTimestamp(1, Timestamp.from(insertedAt));
            return insert.executeUpdate();
        }
    }

    public static long count(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM messages")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    public static List<StoredMessage> newest(Connection c, int limit) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM messages ORDER BY inserted_at DESC, id DESC LIMIT ?")) {
            s.setInt(1, limit);
            try (ResultSet rs = s.executeQuery()) {
                List<StoredMessage> out = new ArrayList<>(limit);
                while (rs.next()) {
                    out.add(row(rs));
                }
                return out;
            }
        }
    }

    public static Optional<StoredMessage> byId(Connection c, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM messages WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    private static StoredMessage row(ResultSet rs) throws SQLException {
        return new StoredMessage(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                rs.getTimestamp(5).toInstant(), rs.getTimestamp(6).toInstant());
    }
}
