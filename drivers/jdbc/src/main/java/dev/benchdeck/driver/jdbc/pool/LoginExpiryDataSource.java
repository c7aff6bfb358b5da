package dev.benchdeck.driver.jdbc.pool;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The data source HikariCP opens its connections from: each one logs in with a fresh credential
 * and is remembered with that credential's expiry (weakly, so closed connections are forgotten).
 */
final class LoginExpiryDataSource implements DataSource {

    private final FreshCredentialConnector connector;
    private final Map<Connection, Instant> loginExpiry = Collections.synchronizedMap(new WeakHashMap<>());

    LoginExpiryDataSource(FreshCredentialConnector connector) {
        this.connector = connector;
    }

    @Override
    public Connection getConnection() throws SQLException {
        FreshCredentialConnector.Login login = connector.open();
        if (login.credential().expiresAt() != null) {
            loginExpiry.put(login.connection(), login.credential().expiresAt());
        }
        return login.connection();
    }

    /** When the credential {@code raw} logged in with expires; {@code null} if it does not (or is unknown). */
    Instant loginExpiry(Connection raw) {
        return loginExpiry.get(raw);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("credentials come from the provider");
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
    }

    @Override
    public void setLoginTimeout(int seconds) {
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return false;
    }
}
