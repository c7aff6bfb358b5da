package dev.benchdeck.driver.jdbc.pool;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import dev.benchdeck.driver.jdbc.config.JdbcTarget;
import dev.benchdeck.driver.jdbc.credentials.Credential;
import dev.benchdeck.driver.jdbc.credentials.CredentialException;
import dev.benchdeck.driver.jdbc.credentials.CredentialProvider;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A HikariCP pool whose new connections log in with the credential provider's current credential,
 * so rotating passwords and expiring OAuth tokens are picked up without restarting the pool.
 * (First version: the credentials package's owner extends it with refresh on 28P01 and resizing.)
 */
public final class JdbcPool implements AutoCloseable {

    private final HikariDataSource hikari;

    private JdbcPool(HikariDataSource hikari) {
        this.hikari = hikari;
    }

    /** Opens a pool of {@code size} + overflow connections; the first connection is made lazily. */
    public static JdbcPool open(JdbcTarget target, CredentialProvider credentials, int size) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("benchdeck-jdbc");
        config.setDataSource(new FreshCredentialDataSource(target, credentials));
        config.setMaximumPoolSize(size + target.pool().overflow());
        config.setMinimumIdle(size);
        config.setMaxLifetime(target.pool().maxLifetime().toMillis());
        config.setConnectionTimeout(target.pool().acquireTimeout().toMillis());
        config.setInitializationFailTimeout(-1);
        config.setRegisterMbeans(false);
        return new JdbcPool(new HikariDataSource(config));
    }

    /** A connection from the pool; closing it returns it. */
    public Connection connection() throws SQLException {
        return hikari.getConnection();
    }

    /** pool.active, pool.idle, pool.waiting, pool.total. */
    public Map<String, Double> gauges() {
        HikariPoolMXBean bean = hikari.getHikariPoolMXBean();
        Map<String, Double> gauges = new LinkedHashMap<>();
        if (bean != null) {
            gauges.put("pool.active", (double) bean.getActiveConnections());
            gauges.put("pool.idle", (double) bean.getIdleConnections());
            gauges.put("pool.waiting", (double) bean.getThreadsAwaitingConnection());
            gauges.put("pool.total", (double) bean.getTotalConnections());
        }
        return gauges;
    }

    @Override
    public void close() {
        hikari.close();
    }

    /** Asks the provider for the credential at every new connection. */
    static final class FreshCredentialDataSource implements DataSource {
        private final JdbcTarget target;
        private final CredentialProvider credentials;

        FreshCredentialDataSource(JdbcTarget target, CredentialProvider credentials) {
            this.target = target;
            this.credentials = credentials;
        }

        @Override
        public Connection getConnection() throws SQLException {
            Credential credential;
            try {
                credential = credentials.credential();
            } catch (CredentialException e) {
                throw new SQLException("cannot obtain a credential from " + credentials.description() + ": "
                        + e.getMessage(), "28000", e);
            }
            Properties props = new Properties();
            props.setProperty("user", credential.user());
            if (credential.password() != null) {
                props.setProperty("password", credential.password());
            }
            props.setProperty("connectTimeout", Long.toString(Math.max(1, target.connectTimeout().toSeconds())));
            props.setProperty("ApplicationName", "benchdeck");
            return DriverManager.getConnection(target.jdbcUrl(), props);
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
}
