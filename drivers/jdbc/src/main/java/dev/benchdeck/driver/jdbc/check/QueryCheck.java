package dev.benchdeck.driver.jdbc.check;

import dev.benchdeck.driver.jdbc.config.JdbcTarget;
import dev.benchdeck.driver.jdbc.credentials.CredentialException;
import dev.benchdeck.driver.jdbc.credentials.CredentialProvider;
import dev.benchdeck.driver.jdbc.credentials.CredentialProviders;
import dev.benchdeck.driver.jdbc.ops.SqlErrorClasses;
import dev.benchdeck.driver.jdbc.pool.FreshCredentialConnector;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Runs one statement against a target and reports its timing, its result's shape and its
 * {@code EXPLAIN} plan. Safe by construction: the statement runs in a transaction that is always
 * rolled back (so an INSERT, UPDATE, DELETE or DDL changes nothing; sequences still advance), under a
 * statement timeout, and one statement at a time (so it cannot commit that transaction itself). The
 * plan is plain {@code EXPLAIN}, never {@code ANALYZE}, so nothing runs twice.
 */
public final class QueryCheck {

    static final int ROW_CAP = 1_000;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    private static final String EXPLAIN = "explain ";

    private QueryCheck() {
    }

    /** Checks {@code sql} on {@code target} with the credential provider its settings select (closed afterwards). */
    public static QueryReport run(JdbcTarget target, String sql) {
        try (CredentialProvider credentials = CredentialProviders.forTarget(target)) {
            return run(target, credentials, sql, DEFAULT_TIMEOUT);
        } catch (CredentialException e) {
            return QueryReport.failure(SqlErrorClasses.CREDENTIAL, null, e.getMessage(), null, null);
        }
    }

    public static QueryReport run(JdbcTarget target, CredentialProvider credentials, String sql) {
        return run(target, credentials, sql, DEFAULT_TIMEOUT);
    }

    public static QueryReport run(JdbcTarget target, CredentialProvider credentials, String sql, Duration timeout) {
        if (sql == null || StatementText.statementCount(sql) == 0) {
            return QueryReport.failure(SqlErrorClasses.SYNTAX, null, "no SQL statement given", null, null);
        }
        int statements = StatementText.statementCount(sql);
        if (statements > 1) {
            return QueryReport.failure(SqlErrorClasses.SYNTAX, null,
                    "one statement at a time, please: the text holds " + statements + " statements", null, null);
        }
        FreshCredentialConnector.Login login;
        try {
            login = new FreshCredentialConnector(target, credentials).open();
        } catch (SQLException e) {
            CheckErrors.Problem problem = CheckErrors.ofLogin(e, target, credentials);
            return QueryReport.failure(problem.errorClass(), e.getSQLState(), problem.message(), null, null);
        }
        try (Connection connection = login.connection()) {
            connection.setAutoCommit(false);
            try {
                return check(connection, sql, timeout);
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            return QueryReport.failure(SqlErrorClasses.ofSqlState(e.getSQLState()), e.getSQLState(),
                    SqlErrorClasses.serverText(e), null, null);
        }
    }

    private static QueryReport check(Connection connection, String sql, Duration timeout) throws SQLException {
        try (PreparedStatement limit = connection.prepareStatement("select set_config('statement_timeout', ?, true)")) {
            limit.setString(1, Long.toString(timeout.toMillis()));
            limit.execute();
        }
        String plan = null;
        try (Statement statement = connection.createStatement()) {
            statement.setEscapeProcessing(false); // the text goes as written, so error positions match it
            if (StatementText.plannable(sql)) {
                try {
                    plan = explain(statement, sql);
                } catch (SQLException e) {
                    return failure(e, sql, EXPLAIN.length(), null);
                }
            }
            statement.setFetchSize(ROW_CAP + 1); // a cursor: a huge result is not read into memory
            long start = System.nanoTime();
            try {
                boolean hasRows = statement.execute(sql);
                if (!hasRows) {
                    long changed = Math.max(0, statement.getLargeUpdateCount());
                    return new QueryReport(true, Millis.since(start), changed, false, List.of(), plan, null, null, null, null);
                }
                try (ResultSet rs = statement.getResultSet()) {
                    List<String> columns = columns(rs.getMetaData());
                    long rows = 0;
                    boolean capped = false;
                    while (rs.next()) {
                        if (rows == ROW_CAP) {
                            capped = true;
                            break;
                        }
                        rows++;
                    }
                    return new QueryReport(true, Millis.since(start), rows, capped, columns, plan, null, null, null, null);
                }
            } catch (SQLException e) {
                return failure(e, sql, 0, plan);
            }
        }
    }

    private static String explain(Statement statement, String sql) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (ResultSet rs = statement.executeQuery(EXPLAIN + sql)) {
            while (rs.next()) {
                plan.append(plan.isEmpty() ? "" : "\n").append(rs.getString(1));
            }
        }
        return plan.toString();
    }

    private static List<String> columns(ResultSetMetaData meta) throws SQLException {
        List<String> columns = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            columns.add(meta.getColumnLabel(i));
        }
        return columns;
    }

    /** The failure with the error's position in the user's text ({@code prefix} characters were added before it). */
    private static QueryReport failure(SQLException e, String sql, int prefix, String plan) {
        Integer position = null;
        String message = SqlErrorClasses.serverText(e);
        if (e instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
            ServerErrorMessage server = psql.getServerErrorMessage();
            if (server.getPosition() > prefix) {
                position = server.getPosition() - prefix;
                message += " (" + lineAndColumn(sql, position) + ")";
            }
            if (server.getHint() != null) {
                message += "; hint: " + server.getHint();
            }
        }
        return QueryReport.failure(SqlErrorClasses.ofSqlState(e.getSQLState()), e.getSQLState(), message, position, plan);
    }

    /** "line L, column C" of the 1-based character {@code position}. */
    static String lineAndColumn(String sql, int position) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < position - 1 && i < sql.length(); i++) {
            if (sql.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return "line " + line + ", column " + column;
    }
}
