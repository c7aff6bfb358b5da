package dev.benchdeck.driver.jdbc.check;

import dev.benchdeck.driver.jdbc.config.JdbcTarget;
import dev.benchdeck.driver.jdbc.credentials.CredentialProvider;
import dev.benchdeck.driver.jdbc.pool.CredentialUnavailableException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import javax.net.ssl.SSLException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Turns a failed login or statement into an error class and a message that says what to change.
 * Connection classes: {@value #CREDENTIAL}, {@value #CONNECT}, {@value #TIMEOUT}, {@value #TLS},
 * {@value #TLS_REQUIRED}, {@value #AUTHENTICATION}, {@value #DATABASE_MISSING}, {@value #TOO_MANY_CONNECTIONS};
 * statement classes: {@value #SYNTAX}, {@value #UNDEFINED_TABLE}, {@value #UNDEFINED_COLUMN},
 * {@value #PRIVILEGE}, {@value #CONSTRAINT}, {@value #DATA}, {@value #TIMEOUT}, {@value #NOT_IN_TRANSACTION},
 * else {@code sqlstate_<class>}.
 */
public final class CheckErrors {

    public static final String CREDENTIAL = "credential";
    public static final String CONNECT = "connect";
    public static final String TIMEOUT = "timeout";
    public static final String TLS = "tls";
    public static final String TLS_REQUIRED = "tls_required";
    public static final String AUTHENTICATION = "authentication";
    public static final String DATABASE_MISSING = "database_missing";
    public static final String TOO_MANY_CONNECTIONS = "too_many_connections";
    public static final String SYNTAX = "syntax";
    public static final String UNDEFINED_TABLE = "undefined_table";
    public static final String UNDEFINED_COLUMN = "undefined_column";
    public static final String PRIVILEGE = "privilege";
    public static final String CONSTRAINT = "constraint";
    public static final String DATA = "data";
    public static final String NOT_IN_TRANSACTION = "not_in_transaction";

    /** An error class and a message for the user. */
    public record Problem(String errorClass, String message) {
    }

    private CheckErrors() {
    }

    /** Why a login to {@code target} failed. */
    public static Problem ofLogin(SQLException e, JdbcTarget target, CredentialProvider credentials) {
        String where = target.host() + ":" + target.port();
        if (e instanceof CredentialUnavailableException) {
            return new Problem(CREDENTIAL, e.getMessage());
        }
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String server = serverText(e);
        switch (state) {
            case "28P01" -> {
                return new Problem(AUTHENTICATION, "the server refused the password for user " + quote(target.user())
                        + (credentials.refreshable()
                        ? " even with a fresh token: check that user is the Databricks identity the token is issued for"
                        : ": check the password") + " (" + server + ")");
            }
            case "28000" -> {
                if (server.contains("no encryption")) {
                    return new Problem(TLS_REQUIRED, "the server accepts only TLS connections: set sslmode to require"
                            + " (" + server + ")");
                }
                return new Problem(AUTHENTICATION, "the server refused user " + quote(target.user()) + ": " + server);
            }
            case "3D000" -> {
                return new Problem(DATABASE_MISSING, "database " + quote(target.database()) + " does not exist on "
                        + where + ": check the name, or create it first");
            }
            case "53300" -> {
                return new Problem(TOO_MANY_CONNECTIONS, "the server has no free connection slot: " + server);
            }
            case "08004" -> {
                if (server.contains("SSL")) {
                    return new Problem(TLS, "the server at " + where + " does not offer TLS but sslmode is "
                            + target.sslmode() + ": set sslmode to disable or prefer, or enable TLS on the server");
                }
            }
            default -> {
            }
        }
        Throwable cause = rootCause(e);
        if (cause instanceof UnknownHostException) {
            return new Problem(CONNECT, "unknown host " + quote(target.host()) + ": check the host name");
        }
        if (cause instanceof ConnectException || cause instanceof NoRouteToHostException) {
            return new Problem(CONNECT, "cannot connect to " + where + " (" + cause.getMessage()
                    + "): check the host and port, and that the server accepts TCP connections");
        }
        if (cause instanceof SocketTimeoutException || state.equals("08006") && server.contains("timed out")) {
            return new Problem(TIMEOUT, "no answer from " + where + " within " + target.connectTimeout().toSeconds()
                    + " s: check the host, port and firewall");
        }
        if (cause instanceof SSLException) {
            return new Problem(TLS, "TLS with " + where + " failed (sslmode " + target.sslmode() + "): " + cause.getMessage());
        }
        return new Problem(state.startsWith("08") ? CONNECT : sqlStateClass(state),
                "cannot log in to " + target.describe() + ": " + server);
    }

    /** The class of a failed statement, from its SQLSTATE. */
    public static String ofStatement(String sqlState) {
        String state = sqlState == null ? "" : sqlState;
        return switch (state) {
            case "42601" -> SYNTAX;
            case "42P01" -> UNDEFINED_TABLE;
            case "42703" -> UNDEFINED_COLUMN;
            case "42501" -> PRIVILEGE;
            case "57014" -> TIMEOUT;
            case "25001" -> NOT_IN_TRANSACTION;
            default -> state.startsWith("23") ? CONSTRAINT : state.startsWith("22") ? DATA
                    : state.startsWith("08") ? CONNECT : sqlStateClass(state);
        };
    }

    private static String sqlStateClass(String state) {
        return state.length() >= 2 ? "sqlstate_" + state.substring(0, 2).toLowerCase() : "sqlstate_unknown";
    }

    /** The server's own message when there is one (without the "FATAL:" prefix), else the driver's. */
    static String serverText(SQLException e) {
        if (e instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
            ServerErrorMessage message = psql.getServerErrorMessage();
            if (message.getMessage() != null) {
                return message.getMessage();
            }
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static String quote(String name) {
        return "\"" + name + "\"";
    }
}
