package dev.benchdeck.ingestor.store;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Properties;

/**
 * Where the messages go: a JDBC URL with its user and password kept apart (never printed). {@link #parse} takes
 * {@code postgresql://user:pass@host:port/db} or {@code jdbc:postgresql://host:port/db}.
 */
public record DatabaseSettings(String jdbcUrl, String user, String password) {

    /** How long a connection attempt may take before the database counts as unreachable. */
    static final int CONNECT_TIMEOUT_SECONDS = 3;
    /** A statement that takes longer than this on a dead connection ends with an error instead of hanging. */
    static final int SOCKET_TIMEOUT_SECONDS = 30;

    public DatabaseSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (!jdbcUrl.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("the database URL must be postgresql://… or jdbc:postgresql://…");
        }
    }

    /** Parses a URL; user and password in it win over {@code user}/{@code password} given apart. */
    public static DatabaseSettings parse(String url, String user, String password) {
        if (url.startsWith("jdbc:postgresql://")) {
            return new DatabaseSettings(url, user, password);
        }
        if (!url.startsWith("postgresql://") && !url.startsWith("postgres://")) {
            throw new IllegalArgumentException("the database URL must be postgresql://user@host:port/db or jdbc:postgresql://host:port/db");
        }
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the database URL is not a URL");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("the database URL has no host");
        }
        String u = user;
        String p = password;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            u = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
            if (parts.length == 2) {
                p = URLDecoder.decode(parts[1], StandardCharsets.UTF_8);
            }
        }
        String db = uri.getPath() == null || uri.getPath().length() <= 1 ? "postgres" : uri.getPath().substring(1);
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return new DatabaseSettings("jdbc:postgresql://" + uri.getHost() + ":" + (uri.getPort() < 0 ? 5432 : uri.getPort()) + "/" + db + query, u, p);
    }

    public Connection connect() throws SQLException {
        Properties props = new Properties();
        if (user != null) {
            props.setProperty("user", user);
        }
        if (password != null) {
            props.setProperty("password", password);
        }
        props.setProperty("connectTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
        props.setProperty("socketTimeout", Integer.toString(SOCKET_TIMEOUT_SECONDS));
        props.setProperty("tcpKeepAlive", "true");
        props.setProperty("ApplicationName", "benchdeck-ingestor");
        return DriverManager.getConnection(jdbcUrl, props);
    }

    /** host:port/db, for logs and health: no user, no password. */
    public String describe() {
        String rest = jdbcUrl.substring("jdbc:postgresql://".length());
        int q = rest.indexOf('?');
        return q < 0 ? rest : rest.substring(0, q);
    }

    @Override
    public String toString() {
        return "DatabaseSettings[" + describe() + "]";
    }
}
