package dev.benchdeck.driver.ingest;

import dev.benchdeck.embeddedpg.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/** A real PostgreSQL (the embedded one, on a free port) shared by this JVM's tests; each test gets a database of its own. */
final class TestSink {

    private static EmbeddedPostgres shared;
    private static final AtomicInteger SEQ = new AtomicInteger();

    private TestSink() {
    }

    static synchronized EmbeddedPostgres postgres() {
        if (shared == null) {
            try {
                shared = EmbeddedPostgres.start(Files.createTempDirectory("ingest-driver-test-pg"), 0, true);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    /** A fresh, empty database; its JDBC URL. */
    static String freshDatabase() throws SQLException {
        EmbeddedPostgres pg = postgres();
        String name = "ingest_drv_" + ProcessHandle.current().pid() + "_" + SEQ.incrementAndGet();
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.user(), pg.password()); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return "jdbc:postgresql://127.0.0.1:" + pg.port() + "/" + name;
    }

    static Connection connect(String jdbcUrl) throws SQLException {
        return DriverManager.getConnection(jdbcUrl, postgres().user(), postgres().password());
    }

    static void execute(String jdbcUrl, String sql) throws SQLException {
        try (Connection c = connect(jdbcUrl); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    static long queryLong(String jdbcUrl, String sql) throws SQLException {
        try (Connection c = connect(jdbcUrl); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The sink section of a plan for {@code jdbcUrl}, plus {@code extra} fields ("" for none). */
    static String sinkYaml(String jdbcUrl, String extra) {
        return "{url: '" + jdbcUrl + "', user: " + postgres().user() + ", password: '" + postgres().password() + "'"
                + (extra.isEmpty() ? "" : ", " + extra) + "}";
    }
}
