package dev.benchdeck.driver.jdbc;

import dev.benchdeck.driver.jdbc.config.JdbcTarget;
import dev.benchdeck.driver.jdbc.config.JdbcWorkload;
import dev.benchdeck.driver.jdbc.credentials.CredentialException;
import dev.benchdeck.driver.jdbc.credentials.CredentialProvider;
import dev.benchdeck.driver.jdbc.credentials.CredentialProviders;
import dev.benchdeck.driver.jdbc.ops.SqlErrorClasses;
import dev.benchdeck.driver.jdbc.pool.FreshCredentialConnector;
import dev.benchdeck.engine.driver.Driver;
import dev.benchdeck.engine.driver.DriverException;
import dev.benchdeck.engine.driver.DriverSpec;
import dev.benchdeck.engine.time.EngineClock;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A checked jdbc plan. Opening it logs in once, the way the pool will, so that an unreachable
 * server or a refused password fails the run at once with one clear line; that connection then
 * serves the setup phase.
 */
public record JdbcSpec(JdbcTarget target, JdbcWorkload workload) implements DriverSpec {

    /** Error class of a refused login or a credential that could not be obtained. */
    public static final String AUTH = SqlErrorClasses.AUTH;

    @Override
    public Driver open(EngineClock clock) throws DriverException {
        CredentialProvider credentials;
        try {
            credentials = CredentialProviders.forTarget(target);
        } catch (CredentialException e) {
            throw new DriverException(AUTH, "cannot obtain a password for " + target.user() + "@" + target.describe()
                    + ": " + e.getMessage(), e);
        }
        Connection setupConnection;
        try {
            setupConnection = new FreshCredentialConnector(target, credentials).open().connection();
        } catch (SQLException e) {
            credentials.close();
            throw loginFailure(e);
        } catch (RuntimeException e) {
            credentials.close();
            throw e;
        }
        return new JdbcDriver(sessionTarget(), workload, credentials, setupConnection, clock);
    }

    /** The target with the URL parameters the workload's sessions need. */
    JdbcTarget sessionTarget() {
        Map<String, String> properties = new LinkedHashMap<>();
        if (workload.prepared()) {
            properties.put("prepareThreshold", "1"); // a named server-side statement from the first execution
        } else {
            properties.put("preferQueryMode", "simple");
        }
        properties.put("stringtype", "unspecified"); // text values from parameter files may fill any column type
        if (workload.statementTimeout() != null) {
            properties.put("options", "-c statement_timeout=" + workload.statementTimeout().toMillis());
        }
        return target.withConnectionProperties(properties);
    }

    private DriverException loginFailure(SQLException e) {
        String where = target.user() + "@" + target.describe();
        if (dev.benchdeck.driver.jdbc.check.CheckErrors.refusedCleartext(e)) {
            return new DriverException(AUTH, dev.benchdeck.driver.jdbc.check.CheckErrors.CLEARTEXT_REFUSED
                    .formatted(target.host() + ":" + target.port()), e);
        }
        if (SqlErrorClasses.isLoginRefused(e)) {
            return new DriverException(AUTH, "login refused for " + where + ": " + SqlErrorClasses.message(e), e);
        }
        if (SqlErrorClasses.isUnreachable(e)) {
            return new DriverException(SqlErrorClasses.CONNECTION, "cannot connect to PostgreSQL at " + target.host() + ":"
                    + target.port() + ": " + rootMessage(e) + " (SQLSTATE " + e.getSQLState() + ")", e);
        }
        return new DriverException(SqlErrorClasses.of(e), "cannot log in as " + where + ": "
                + SqlErrorClasses.message(e), e);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return root == e ? text : text.toLowerCase(java.util.Locale.ROOT);
    }
}
