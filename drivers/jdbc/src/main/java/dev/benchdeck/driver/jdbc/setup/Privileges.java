package dev.benchdeck.driver.jdbc.setup;

import dev.benchdeck.driver.jdbc.config.OperationKind;
import dev.benchdeck.driver.jdbc.ops.SqlErrorClasses;
import dev.benchdeck.engine.driver.DriverException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Checks, before anything is created or loaded, that the user may do what the setup and the operations need. */
final class Privileges {

    private Privileges() {
    }

    /** The user may create tables in its current schema; returns that schema. */
    static String requireCreate(Connection connection, BenchTable table) throws SQLException, DriverException {
        String user;
        String schema;
        boolean create;
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT current_user, current_schema(), "
                     + "current_schema() IS NOT NULL AND has_schema_privilege(current_schema(), 'CREATE')")) {
            rs.next();
            user = rs.getString(1);
            schema = rs.getString(2);
            create = rs.getBoolean(3);
        }
        if (schema == null) {
            throw new DriverException(SqlErrorClasses.PRIVILEGES, "user " + user + " has no current schema (its "
                    + "search_path names no existing schema), so table " + table.name() + " cannot be created");
        }
        if (!create) {
            throw new DriverException(SqlErrorClasses.PRIVILEGES, "user " + user + " may not create table "
                    + table.name() + " in schema " + schema + " (no CREATE privilege on it): GRANT CREATE ON SCHEMA "
                    + schema + " TO " + user + ", or create and load the table yourself and use setup: none");
        }
        return schema;
    }

    /** The user may run the workload's operations on the existing table. */
    static void requireTableAccess(Connection connection, BenchTable table, Set<OperationKind> kinds)
            throws SQLException, DriverException {
        Set<String> needed = new LinkedHashSet<>();
        for (OperationKind kind : kinds) {
            switch (kind) {
                case POINT_SELECT, RANGE_SCAN -> needed.add("SELECT");
                case INSERT, BATCH_INSERT -> needed.add("INSERT");
                case UPDATE -> needed.addAll(List.of("SELECT", "UPDATE"));
                case DELETE -> needed.addAll(List.of("SELECT", "DELETE"));
                case CUSTOM -> {
                    // checked when the statement is described (and at run time)
                }
            }
        }
        needed.add("SELECT"); // the setup reads the row count and the largest id
        List<String> missing = new ArrayList<>();
        String user = null;
        try (PreparedStatement s = connection.prepareStatement("SELECT current_user, has_table_privilege(?, ?)")) {
            for (String privilege : needed) {
                s.setString(1, table.sqlName());
                s.setString(2, privilege);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    user = rs.getString(1);
                    if (!rs.getBoolean(2)) {
                        missing.add(privilege);
                    }
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new DriverException(SqlErrorClasses.PRIVILEGES, "user " + user + " may not " + String.join(", ", missing)
                    + " on table " + table.name() + ", which the workload needs: GRANT " + String.join(", ", missing)
                    + " ON " + table.name() + " TO " + user);
        }
    }
}
