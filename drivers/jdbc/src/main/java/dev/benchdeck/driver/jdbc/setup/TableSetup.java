package dev.benchdeck.driver.jdbc.setup;

import dev.benchdeck.driver.jdbc.config.JdbcWorkload;
import dev.benchdeck.driver.jdbc.config.OperationKind;
import dev.benchdeck.driver.jdbc.config.SetupMode;
import dev.benchdeck.engine.driver.DriverException;
import dev.benchdeck.engine.driver.SetupContext;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;

/**
 * Brings the benchmark table to the state the workload asks for ({@code setup: reuse | recreate |
 * none}) and says which ids exist. Every check (shape, ownership, privileges) comes before anything
 * is dropped or loaded. Loading runs in one transaction: create, COPY (frozen), commit; then the
 * primary key and VACUUM ANALYZE as their own phases.
 */
public final class TableSetup {

    public static final String TABLE_PHASE = "table";
    public static final String INDEX_PHASE = "index";
    public static final String VACUUM_PHASE = "vacuum";
    /** DriverException class for a table that is not what the workload needs. */
    public static final String TABLE_ERROR = "table";

    private final BenchTable table;
    private final JdbcWorkload workload;

    public TableSetup(JdbcWorkload workload) {
        this.table = new BenchTable(workload.table());
        this.workload = workload;
    }

    /**
     * Prepares the table on {@code connection} (autocommit on, no statement timeout) and returns the
     * largest id in it. {@code beforeLoad} runs once the table exists, before any row is loaded (it
     * checks the custom statement, which may name the table).
     */
    public long prepare(Connection connection, SetupContext setup, BeforeLoad beforeLoad)
            throws SQLException, DriverException, InterruptedException {
        TableState state = TableState.of(connection, table);
        Set<OperationKind> kinds = workload.mix().keySet();
        if (state.exists()) {
            List<String> differences = state.shapeDifferences();
            if (!differences.isEmpty() && !(workload.setup() == SetupMode.RECREATE && state.ours())) {
                throw new DriverException(TABLE_ERROR, "table " + qualified(state) + " exists with a different shape: "
                        + String.join("; ", differences) + " (expected " + BenchTable.COLUMNS + ")");
            }
        }
        return switch (workload.setup()) {
            case NONE -> useExisting(connection, state, kinds, setup, beforeLoad);
            case RECREATE -> load(connection, state, setup, beforeLoad, "recreating");
            case REUSE -> reuseOrLoad(connection, state, kinds, setup, beforeLoad);
        };
    }

    /** What must hold once the table exists and before it is loaded. */
    @FunctionalInterface
    public interface BeforeLoad {
        void check(Connection connection) throws SQLException, DriverException;
    }

    private long useExisting(Connection connection, TableState state, Set<OperationKind> kinds, SetupContext setup,
                             BeforeLoad beforeLoad) throws SQLException, DriverException {
        if (!state.exists()) {
            throw new DriverException(TABLE_ERROR, "table " + table.name() + " does not exist; setup: none uses an "
                    + "existing table (use setup: reuse to create and load it)");
        }
        Privileges.requireTableAccess(connection, table, kinds);
        beforeLoad.check(connection);
        long maxId = maxId(connection);
        setup.progress(TABLE_PHASE, "using table " + qualified(state) + " as it is (setup: none)", 1, 1, "tables", true);
        return maxId;
    }

    private long reuseOrLoad(Connection connection, TableState state, Set<OperationKind> kinds, SetupContext setup,
                             BeforeLoad beforeLoad) throws SQLException, DriverException, InterruptedException {
        if (!state.exists()) {
            return load(connection, state, setup, beforeLoad, "creating");
        }
        Privileges.requireTableAccess(connection, table, kinds);
        long count = count(connection);
        if (count == workload.rows() && state.primaryKeyOnId()) {
            beforeLoad.check(connection);
            long maxId = maxId(connection);
            setup.progress(TABLE_PHASE, String.format("reusing table %s: %,d rows of the right shape",
                    qualified(state), count), 1, 1, "tables", true);
            return maxId;
        }
        String why = count != workload.rows()
                ? String.format("has %,d rows, not %,d", count, workload.rows())
                : "has no primary key on id";
        if (!state.ours()) {
            throw new DriverException(TABLE_ERROR, "table " + qualified(state) + " " + why + " and was not created "
                    + "by Benchdeck (no '" + BenchTable.COMMENT + "' comment), so it is not reloaded: use another "
                    + "table, or setup: none to use it as it is");
        }
        return load(connection, state, setup, beforeLoad, "reloading (it " + why + ")");
    }

    private long load(Connection connection, TableState state, SetupContext setup, BeforeLoad beforeLoad, String why)
            throws SQLException, DriverException, InterruptedException {
        if (state.exists() && !state.ours()) {
            throw new DriverException(TABLE_ERROR, "table " + qualified(state) + " was not created by Benchdeck (no '"
                    + BenchTable.COMMENT + "' comment): it is never dropped; drop it yourself or use another table");
        }
        if (state.exists() && !state.owned()) {
            throw new DriverException(TABLE_ERROR, "table " + qualified(state) + " belongs to another role, so this "
                    + "user cannot drop and reload it; use another table, or setup: none");
        }
        Privileges.requireCreate(connection, table);
        setup.progress(TABLE_PHASE, why + " table " + table.name(), 0, 1, "tables", false);
        connection.setAutoCommit(false);
        try (Statement s = connection.createStatement()) {
            if (state.exists()) {
                s.execute(table.dropSql());
            }
            s.execute(table.createSql());
            s.execute(table.commentSql());
            setup.progress(TABLE_PHASE, why + " table " + table.name(), 1, 1, "tables", true);
            beforeLoad.check(connection);
            new RowLoader(table, workload.rows(), workload.batchSize()).load(connection, true, setup);
            connection.commit();
        } catch (SQLException | DriverException | InterruptedException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
        finishLoad(connection, setup);
        return workload.rows();
    }

    private void finishLoad(Connection connection, SetupContext setup) throws SQLException, InterruptedException {
        try (Statement s = connection.createStatement()) {
            setup.progress(INDEX_PHASE, "primary key on " + table.name() + "(id)", 0, 1, "steps", false);
            s.execute(table.primaryKeySql());
            setup.progress(INDEX_PHASE, "primary key on " + table.name() + "(id)", 1, 1, "steps", true);
            if (setup.cancelled()) {
                throw new InterruptedException("setup cancelled");
            }
            setup.progress(VACUUM_PHASE, "VACUUM (ANALYZE) " + table.name(), 0, 1, "steps", false);
            s.execute("VACUUM (ANALYZE) " + table.sqlName());
            setup.progress(VACUUM_PHASE, "VACUUM (ANALYZE) " + table.name(), 1, 1, "steps", true);
        }
    }

    private long count(Connection connection) throws SQLException {
        return single(connection, "SELECT count(*) FROM " + table.sqlName());
    }

    private long maxId(Connection connection) throws SQLException {
        return single(connection, "SELECT coalesce(max(id), 0) FROM " + table.sqlName());
    }

    private static long single(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private String qualified(TableState state) {
        return state.schema() == null ? table.name() : state.schema() + "." + table.name();
    }

    /** Drops the table at the end of a run ({@code teardown: true}), only if Benchdeck created it. */
    public void teardown(Connection connection) throws SQLException {
        TableState state = TableState.of(connection, table);
        if (state.exists() && state.ours()) {
            try (Statement s = connection.createStatement()) {
                s.execute(table.dropSql());
            }
        }
    }
}
