package dev.benchdeck.driver.jdbc;

import dev.benchdeck.driver.jdbc.config.JdbcTarget;
import dev.benchdeck.driver.jdbc.config.PoolSettings;
import dev.benchdeck.embeddedpg.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One real PostgreSQL (the embedded one, on a free port, in a temporary directory) shared by every
 * test of this module's JVM and stopped when the JVM exits. Tests create their own tables or roles.
 */
public final class TestDatabase {

    private static EmbeddedPostgres postgres;

    private TestDatabase() {
    }

    public static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                Path home = Files.createTempDirectory("benchdeck-jdbc-test");
                postgres = EmbeddedPostgres.start(home, 0, true);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(postgres::close));
        }
        return postgres;
    }

    /** A target for the superuser with its password inline. */
    public static JdbcTarget target() {
        EmbeddedPostgres pg = postgres();
        return new JdbcTarget("127.0.0.1", pg.port(), "postgres", pg.user(), "disable", pg.password(), null, null,
                PoolSettings.defaults(), JdbcTarget.DEFAULT_CONNECT_TIMEOUT);
    }

    /** A plain superuser connection for test setup and assertions. */
    public static Connection connect() throws SQLException {
        EmbeddedPostgres pg = postgres();
        return DriverManager.getConnection(pg.jdbcUrl(), pg.user(), pg.password());
    }

    /** Runs statements as the superuser. */
    public static void execute(String... sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String statement : sql) {
                s.execute(statement);
            }
        }
    }
}
