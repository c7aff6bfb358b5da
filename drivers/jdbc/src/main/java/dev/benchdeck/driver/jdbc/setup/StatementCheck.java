package dev.benchdeck.driver.jdbc.setup;

import dev.benchdeck.driver.jdbc.ops.SqlErrorClasses;
import dev.benchdeck.engine.driver.DriverException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;

/**
 * Has the server parse and describe the custom statement without running it, so that a typo, an
 * unknown table or column, or a wrong number of parameters fails the setup before any load.
 */
public final class StatementCheck {

    private StatementCheck() {
    }

    public static void check(Connection connection, String sql, int generators) throws DriverException, SQLException {
        boolean inTransaction = !connection.getAutoCommit();
        Savepoint savepoint = inTransaction ? connection.setSavepoint() : null;
        int parameters;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            parameters = statement.getParameterMetaData().getParameterCount();
        } catch (SQLException e) {
            if (savepoint != null) {
                connection.rollback(savepoint);
            }
            throw new DriverException(SqlErrorClasses.of(e), "workload.sql does not work: " + SqlErrorClasses.message(e), e);
        }
        if (savepoint != null) {
            connection.releaseSavepoint(savepoint);
        }
        if (parameters != generators) {
            throw new DriverException(SqlErrorClasses.SYNTAX, "workload.sql has " + parameters + " parameter"
                    + (parameters == 1 ? "" : "s") + " (?) but workload.params lists " + generators + " generator"
                    + (generators == 1 ? "" : "s"));
        }
    }
}
