package dev.benchdeck.driver.jdbc.config;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The plan's {@code target} for the jdbc driver: where the database is and how to log in. The
 * password comes from at most one place: inline {@code password} (the server injects the stored one
 * at run time), {@code password_env} (an environment variable), or {@code lakebase} (OAuth tokens);
 * none at all for a server that trusts the client. {@code connectionProperties} are extra pgjdbc
 * URL parameters the workload needs (prepareThreshold, options…). A password goes in clear text
 * (PostgreSQL's {@code password} method) only over TLS ({@code sslmode} require, verify-ca,
 * verify-full) or when {@code allowCleartextPassword} says so. {@code toString} never shows a secret.
 */
public record JdbcTarget(String host, int port, String database, String user, String sslmode,
                         String password, String passwordEnv, LakebaseSettings lakebase,
                         PoolSettings pool, Duration connectTimeout, Map<String, String> connectionProperties,
                         boolean allowCleartextPassword) {

    /** The sslmodes under which a connection is TLS or nothing. */
    public static final java.util.Set<String> TLS_ONLY_MODES = java.util.Set.of("require", "verify-ca", "verify-full");

    public static final int DEFAULT_PORT = 5432;
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    public JdbcTarget {
        connectionProperties = Map.copyOf(connectionProperties);
    }

    public JdbcTarget(String host, int port, String database, String user, String sslmode,
                      String password, String passwordEnv, LakebaseSettings lakebase,
                      PoolSettings pool, Duration connectTimeout) {
        this(host, port, database, user, sslmode, password, passwordEnv, lakebase, pool, connectTimeout, Map.of(), false);
    }

    /** The same target with cleartext password authentication allowed without TLS (or not). */
    public JdbcTarget withCleartextPassword(boolean allowed) {
        return new JdbcTarget(host, port, database, user, sslmode, password, passwordEnv, lakebase, pool,
                connectTimeout, connectionProperties, allowed);
    }

    /**
     * Whether a server may be answered with the password in clear text: when the connection is TLS
     * for sure, or the target asked for it ({@code allow_cleartext_password: true}). Anyone between
     * Benchdeck and the database could ask for it otherwise and read the password.
     */
    public boolean cleartextPasswordAllowed() {
        return allowCleartextPassword || TLS_ONLY_MODES.contains(sslmode);
    }

    /** The same target with more URL parameters (later ones win). */
    public JdbcTarget withConnectionProperties(Map<String, String> more) {
        Map<String, String> all = new LinkedHashMap<>(connectionProperties);
        all.putAll(more);
        return new JdbcTarget(host, port, database, user, sslmode, password, passwordEnv, lakebase, pool,
                connectTimeout, all, allowCleartextPassword);
    }

    /** The same target with other pool settings. */
    public JdbcTarget withPool(PoolSettings other) {
        return new JdbcTarget(host, port, database, user, sslmode, password, passwordEnv, lakebase, other,
                connectTimeout, connectionProperties, allowCleartextPassword);
    }

    /** The pgjdbc URL, without credentials. */
    public String jdbcUrl() {
        String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        StringBuilder url = new StringBuilder("jdbc:postgresql://").append(h).append(':').append(port).append('/')
                .append(encode(database)).append("?sslmode=").append(sslmode);
        // sorted, so that the URL of a target does not depend on map order
        new java.util.TreeMap<>(connectionProperties).forEach((k, v) -> url.append('&').append(encode(k)).append('=')
                .append(encode(v)));
        return url.toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** host:port/database, for messages. */
    public String describe() {
        return host + ":" + port + "/" + database;
    }

    @Override
    public String toString() {
        return "JdbcTarget[" + user + "@" + describe() + ", sslmode=" + sslmode
                + (password != null ? ", password=***" : "") + (passwordEnv != null ? ", password_env=" + passwordEnv : "")
                + (lakebase != null ? ", " + lakebase : "") + (allowCleartextPassword ? ", allow_cleartext_password" : "") + ", " + pool + "]";
    }
}
