package dev.benchdeck.driver.jdbc.config;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The plan's {@code target} for the jdbc driver: where the database is and how to log in. The
 * password comes from exactly one place: inline {@code password} (the server injects the stored one
 * at run time), {@code password_env} (an environment variable), or {@code lakebase} (OAuth tokens).
 * {@code toString} never shows a secret.
 */
public record JdbcTarget(String host, int port, String database, String user, String sslmode,
                         String password, String passwordEnv, LakebaseSettings lakebase,
                         PoolSettings pool, Duration connectTimeout) {

    public static final int DEFAULT_PORT = 5432;
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    /** The pgjdbc URL, without credentials. */
    public String jdbcUrl() {
        String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return "jdbc:postgresql://" + h + ":" + port + "/" + URLEncoder.encode(database, StandardCharsets.UTF_8)
                + "?sslmode=" + sslmode;
    }

    /** host:port/database, for messages. */
    public String describe() {
        return host + ":" + port + "/" + database;
    }

    @Override
    public String toString() {
        return "JdbcTarget[" + user + "@" + describe() + ", sslmode=" + sslmode
                + (password != null ? ", password=***" : "") + (passwordEnv != null ? ", password_env=" + passwordEnv : "")
                + (lakebase != null ? ", " + lakebase : "") + ", " + pool + "]";
    }
}
