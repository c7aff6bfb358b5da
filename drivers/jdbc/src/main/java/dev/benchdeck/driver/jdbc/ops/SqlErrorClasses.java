package dev.benchdeck.driver.jdbc.ops;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * The one vocabulary of database error classes, used by runs (a failed statement's class in the
 * results) and by the connection and query checks alike. From the SQLSTATE: {@value #CONNECTION}
 * (class 08, 57P01–57P03 and I/O failures), {@value #AUTH} (28), {@value #DATABASE_MISSING} (3D000),
 * {@value #SERIALIZATION} (40001), {@value #DEADLOCK} (40P01), {@value #CONSTRAINT} (23),
 * {@value #DATA} (22), {@value #TIMEOUT} (57014, a statement_timeout), {@value #PRIVILEGES} (42501),
 * {@value #UNDEFINED_TABLE} (42P01), {@value #UNDEFINED_COLUMN} (42703), {@value #SYNTAX} (the rest of
 * 42), {@value #TOO_MANY_CONNECTIONS} (53300), {@value #RESOURCES} (the rest of 53), else
 * {@code sql_<class>} (e.g. {@code sql_55}), {@value #UNKNOWN} without a SQLSTATE. Besides:
 * {@value #POOL} (no pooled connection within acquire_timeout) and, for a login the checks
 * diagnose, {@value #CREDENTIAL}, {@value #TLS}, {@value #TLS_REQUIRED} and {@value #TIMEOUT} (no
 * answer within connect_timeout).
 */
public final class SqlErrorClasses {

    public static final String CONNECTION = "connection";
    public static final String AUTH = "auth";
    public static final String DATABASE_MISSING = "database_missing";
    public static final String SERIALIZATION = "serialization";
    public static final String DEADLOCK = "deadlock";
    public static final String CONSTRAINT = "constraint";
    public static final String DATA = "data";
    public static final String TIMEOUT = "timeout";
    public static final String SYNTAX = "syntax";
    public static final String UNDEFINED_TABLE = "undefined_table";
    public static final String UNDEFINED_COLUMN = "undefined_column";
    public static final String PRIVILEGES = "privileges";
    public static final String TOO_MANY_CONNECTIONS = "too_many_connections";
    public static final String RESOURCES = "resources";
    public static final String POOL = "pool";
    /** No credential could be had (a Lakebase token, a password file…): nothing was sent to the server. */
    public static final String CREDENTIAL = "credential";
    /** TLS with the server failed, or the server does not offer the TLS that sslmode asks for. */
    public static final String TLS = "tls";
    /** The server accepts only TLS connections and sslmode did not ask for TLS. */
    public static final String TLS_REQUIRED = "tls_required";
    /** The prefix of the classes named after a SQLSTATE's class, e.g. {@code sql_55}. */
    public static final String SQLSTATE_CLASS_PREFIX = "sql_";
    /** A failure without a SQLSTATE that is not I/O: a driver bug or misuse. */
    public static final String UNKNOWN = SQLSTATE_CLASS_PREFIX + "unknown";

    private static final int MAX_MESSAGE = 200;

    private SqlErrorClasses() {
    }

    /** The class of a SQLSTATE (5 characters); {@code null} or malformed gives {@value #UNKNOWN}. */
    public static String ofSqlState(String sqlState) {
        if (sqlState == null || sqlState.length() != 5) {
            return UNKNOWN;
        }
        switch (sqlState) {
            case "40001":
                return SERIALIZATION;
            case "40P01":
                return DEADLOCK;
            case "57014":
                return TIMEOUT;
            case "42501":
                return PRIVILEGES;
            case "42P01":
                return UNDEFINED_TABLE;
            case "42703":
                return UNDEFINED_COLUMN;
            case "3D000":
                return DATABASE_MISSING;
            case "53300":
                return TOO_MANY_CONNECTIONS;
            // the server went away under the session (admin shutdown, pg_terminate_backend, crash)
            case "57P01", "57P02", "57P03":
                return CONNECTION;
            default:
                break;
        }
        return switch (sqlState.substring(0, 2)) {
            case "08" -> CONNECTION;
            case "28" -> AUTH;
            case "22" -> DATA;
            case "23" -> CONSTRAINT;
            case "42" -> SYNTAX;
            case "53" -> RESOURCES;
            default -> SQLSTATE_CLASS_PREFIX + sqlState.substring(0, 2).toLowerCase(Locale.ROOT);
        };
    }

    /**
     * The class of a failure: by SQLSTATE, else by cause (I/O → connection). A pool that gave no
     * connection in time is {@value #POOL}, or the class of the login failure that kept it empty.
     */
    public static String of(SQLException e) {
        if (isPoolTimeout(e)) {
            return e.getCause() instanceof SQLException login ? of(login) : POOL;
        }
        if (hasCause(e, java.net.SocketTimeoutException.class)) {
            return TIMEOUT; // the request timeout, set as the connection's network timeout, passed
        }
        if (e.getSQLState() == null && hasIoCause(e)) {
            return CONNECTION;
        }
        return ofSqlState(e.getSQLState());
    }

    /** The pool's "Connection is not available, request timed out after …ms" (HikariCP's wording, kept). */
    private static boolean isPoolTimeout(SQLException e) {
        return e instanceof SQLTransientConnectionException && e.getMessage() != null
                && e.getMessage().contains("Connection is not available");
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasIoCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    /** A one-line message: the server's text (or the driver's) with the SQLSTATE, at most 200 characters. */
    public static String message(SQLException e) {
        String text = serverText(e).replaceAll("\\s+", " ").strip();
        if (text.length() > MAX_MESSAGE) {
            text = text.substring(0, MAX_MESSAGE - 1) + "…";
        }
        return e.getSQLState() == null ? text : text + " (SQLSTATE " + e.getSQLState() + ")";
    }

    /** The server's own message when there is one (without the "FATAL:" prefix), else the driver's. */
    public static String serverText(SQLException e) {
        if (e instanceof PSQLException psql) {
            ServerErrorMessage server = psql.getServerErrorMessage();
            if (server != null && server.getMessage() != null) {
                return server.getMessage();
            }
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Whether a failed login was refused (wrong password, unknown role) rather than unreachable. */
    public static boolean isLoginRefused(SQLException e) {
        return AUTH.equals(ofSqlState(e.getSQLState()));
    }

    /** Whether the server could not be reached at all (refused, unknown host, no route, connect timeout). */
    public static boolean isUnreachable(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException
                    || t instanceof NoRouteToHostException || t instanceof java.net.SocketTimeoutException) {
                return true;
            }
        }
        return "08001".equals(e.getSQLState()) || "08004".equals(e.getSQLState());
    }
}
