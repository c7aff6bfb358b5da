package dev.benchdeck.driver.jdbc.pool;

import dev.benchdeck.driver.jdbc.config.JdbcTarget;
import dev.benchdeck.driver.jdbc.credentials.Credential;
import dev.benchdeck.driver.jdbc.credentials.CredentialException;
import dev.benchdeck.driver.jdbc.credentials.CredentialProvider;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Opens one connection with the provider's current credential. When the database refuses the login
 * (SQLSTATE 28P01 wrong password, 28000 not authorised) and the provider can hand out a different
 * credential, the refused one is invalidated and the login tried once more.
 */
public final class FreshCredentialConnector {

    /** A new connection and the credential it logged in with. */
    public record Login(Connection connection, Credential credential) {
    }

    /** pgjdbc's {@code requireAuth} value that refuses the cleartext {@code password} method only. */
    public static final String REFUSE_CLEARTEXT = "!password";

    private final JdbcTarget target;
    private final CredentialProvider credentials;

    public FreshCredentialConnector(JdbcTarget target, CredentialProvider credentials) {
        this.target = target;
        this.credentials = credentials;
    }

    public Login open() throws SQLException {
        Credential credential = credential();
        try {
            return new Login(login(credential), credential);
        } catch (SQLException e) {
            if (!credentials.refreshable() || !refusedLogin(e)) {
                throw e;
            }
            credentials.invalidate(credential);
            Credential fresh = credential();
            try {
                return new Login(login(fresh), fresh);
            } catch (SQLException again) {
                again.addSuppressed(e);
                throw again;
            }
        }
    }

    /** SQLSTATE 28P01 (invalid password) or 28000 (invalid authorization). */
    public static boolean refusedLogin(SQLException e) {
        return "28P01".equals(e.getSQLState()) || "28000".equals(e.getSQLState());
    }

    public CredentialProvider credentials() {
        return credentials;
    }

    private Credential credential() throws SQLException {
        try {
            return credentials.credential();
        } catch (CredentialException e) {
            throw new CredentialUnavailableException(credentials.description(), e);
        }
    }

    private Connection login(Credential credential) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", credential.user());
        if (credential.password() != null) {
            props.setProperty("password", credential.password());
        }
        String timeout = Long.toString(Math.max(1, target.connectTimeout().toSeconds()));
        props.setProperty("connectTimeout", timeout);
        props.setProperty("loginTimeout", timeout);
        props.setProperty("ApplicationName", "benchdeck");
        if (!target.cleartextPasswordAllowed()) {
            // pgjdbc's libpq-like require_auth: a server (or someone in between) asking for the password in clear is refused
            props.setProperty("requireAuth", REFUSE_CLEARTEXT);
        }
        return DriverManager.getConnection(target.jdbcUrl(), props);
    }
}
