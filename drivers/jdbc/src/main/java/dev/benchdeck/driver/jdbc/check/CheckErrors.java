package dev.benchdeck.driver.jdbc.check;

import static dev.benchdeck.driver.jdbc.ops.SqlErrorClasses.AUTH;
import static dev.benchdeck.driver.jdbc.ops.SqlErrorClasses.CONNECTION;
import static dev.benchdeck.driver.jdbc.ops.SqlErrorClasses.CREDENTIAL;
import static dev.benchdeck.driver.jdbc.ops.SqlErrorClasses.DATABASE_MISSING;
import static dev.benchdeck.driver.jdbc.ops.SqlErrorClasses.TIMEOUT;
import static dev.benchdeck.driver.jdbc.ops.SqlErrorClasses.TLS;
import static dev.benchdeck.driver.jdbc.ops.SqlErrorClasses.TLS_REQUIRED;
import static dev.benchdeck.driver.jdbc.ops.SqlErrorClasses.TOO_MANY_CONNECTIONS;

import dev.benchdeck.driver.jdbc.config.JdbcTarget;
import dev.benchdeck.driver.jdbc.credentials.CredentialProvider;
import dev.benchdeck.driver.jdbc.ops.SqlErrorClasses;
import dev.benchdeck.driver.jdbc.pool.CredentialUnavailableException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import javax.net.ssl.SSLException;

/**
 * Turns a failed login into an error class of {@link SqlErrorClasses} and a message that says what
 * to change (a failed statement's class is {@link SqlErrorClasses#ofSqlState}, as in runs).
 */
public final class CheckErrors {

    /** An error class and a message for the user. */
    public record Problem(String errorClass, String message) {
    }

    /** What a login refused by Benchdeck itself (the server asked for the password in clear text) says. */
    public static final String CLEARTEXT_REFUSED = "the server at %s asked for the password in clear text on a connection"
            + " that may be unencrypted; Benchdeck did not send it: use sslmode require or verify-full, or set"
            + " allow_cleartext_password: true on a network you trust";

    /** The class of a check that did not start: the target's settings cannot be read (its problems are the message). */
    public static final String INVALID_SETTINGS = "invalid_settings";

    private CheckErrors() {
    }

    /** pgjdbc refused the server's authentication method because of {@code requireAuth} (set to refuse cleartext). */
    public static boolean refusedCleartext(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("requireAuth")) {
                return true;
            }
        }
        return false;
    }

    /** Why a login to {@code target} failed. */
    public static Problem ofLogin(SQLException e, JdbcTarget target, CredentialProvider credentials) {
        String where = target.host() + ":" + target.port();
        if (e instanceof CredentialUnavailableException) {
            return new Problem(CREDENTIAL, e.getMessage());
        }
        if (refusedCleartext(e)) {
            return new Problem(AUTH, CLEARTEXT_REFUSED.formatted(where));
        }
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String server = SqlErrorClasses.serverText(e);
        switch (state) {
            case "28P01" -> {
                return new Problem(AUTH, "the server refused the password for user " + quote(target.user())
                        + (credentials.refreshable()
                        ? " even with a fresh token: check that user is the Databricks identity the token is issued for"
                        : ": check the password") + " (" + server + ")");
            }
            case "28000" -> {
                if (server.contains("no encryption")) {
                    return new Problem(TLS_REQUIRED, "the server accepts only TLS connections: set sslmode to require"
                            + " (" + server + ")");
                }
                return new Problem(AUTH, "the server refused user " + quote(target.user()) + ": " + server);
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
            return new Problem(CONNECTION, "unknown host " + quote(target.host()) + ": check the host name");
        }
        if (cause instanceof ConnectException || cause instanceof NoRouteToHostException) {
            return new Problem(CONNECTION, "cannot connect to " + where + " (" + cause.getMessage()
                    + "): check the host and port, and that the server accepts TCP connections");
        }
        if (cause instanceof SocketTimeoutException || state.equals("08006") && server.contains("timed out")) {
            return new Problem(TIMEOUT, "no answer from " + where + " within " + target.connectTimeout().toSeconds()
                    + " s: check the host, port and firewall");
        }
        if (cause instanceof SSLException) {
            return new Problem(TLS, "TLS with " + where + " failed (sslmode " + target.sslmode() + "): " + cause.getMessage());
        }
        return new Problem(SqlErrorClasses.ofSqlState(state), "cannot log in to " + target.describe() + ": " + server);
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
