package dev.benchdeck.ingestor;

import dev.benchdeck.embeddedpg.EmbeddedPostgres;
import dev.benchdeck.ingestor.store.DatabaseSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL (the embedded one, on a free port) shared by the tests of this JVM; each test gets a database
 * of its own. {@link #dedicated()} starts one a test may stop and start again (the database-down tests).
 */
final class TestDatabase implements AutoCloseable {

    private static EmbeddedPostgres shared;
    private static final AtomicInteger SEQ = new AtomicInteger();

    private final Path home;
    private EmbeddedPostgres postgres;
    private final int port;

    private TestDatabase(Path home, EmbeddedPostgres postgres) {
        this.home = home;
        this.postgres = postgres;
        this.port = postgres.port();
    }

    static synchronized EmbeddedPostgres shared() {
        if (shared == null) {
            try {
                shared = EmbeddedPostgres.start(Files.createTempDirectory("ingestor-test-pg"), 0, true);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    /** A fresh, empty database on the shared server. */
    static DatabaseSettings freshDatabase() throws SQLException {
        EmbeddedPostgres pg = shared();
        String name = "ingest_" + ProcessHandle.current().pid() + "_" + SEQ.incrementAndGet();
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.user(), pg.password()); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return new DatabaseSettings("jdbc:postgresql://127.0.0.1:" + pg.port() + "/" + name, pg.user(), pg.password());
    }

    static TestDatabase dedicated() throws IOException {
        Path home = Files.createTempDirectory("ingestor-test-pg-own");
        return new TestDatabase(home, EmbeddedPostgres.start(home, 0, false));
    }

    DatabaseSettings settings() {
        return new DatabaseSettings("jdbc:postgresql://127.0.0.1:" + port + "/postgres", postgres.user(), postgres.password());
    }

    void stop() {
        postgres.close();
    }

    void startAgain() {
        postgres = EmbeddedPostgres.start(home, port, false);
    }

    @Override
    public void close() throws IOException {
        postgres.close();
        try (var files = Files.walk(home)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    static long queryLong(DatabaseSettings db, String sql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
