package dev.benchdeck.driver.jdbc.setup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the catalogue says about the benchmark table: whether it exists (as the search path finds
 * it), its comment, its columns, whether {@code id} is its primary key, and whether the current
 * user owns it.
 */
public record TableState(boolean exists, String schema, String comment, List<BenchTable.Column> columns,
                         boolean primaryKeyOnId, boolean owned) {

    public static TableState of(Connection connection, BenchTable table) throws SQLException {
        long oid;
        String schema;
        String comment;
        boolean owned;
        try (PreparedStatement s = connection.prepareStatement("""
                SELECT c.oid, n.nspname, obj_description(c.oid, 'pg_class'), pg_has_role(c.relowner, 'USAGE')
                FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE c.oid = to_regclass(?) AND c.relkind IN ('r', 'p')""")) {
            s.setString(1, table.sqlName());
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return new TableState(false, null, null, List.of(), false, false);
                }
                oid = rs.getLong(1);
                schema = rs.getString(2);
                comment = rs.getString(3);
                owned = rs.getBoolean(4);
            }
        }
        return new TableState(true, schema, comment, columns(connection, oid), primaryKeyOnId(connection, oid), owned);
    }

    private static List<BenchTable.Column> columns(Connection connection, long oid) throws SQLException {
        List<BenchTable.Column> columns = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement("""
                SELECT attname, format_type(atttypid, atttypmod), attnotnull FROM pg_attribute
                WHERE attrelid = ? AND attnum > 0 AND NOT attisdropped ORDER BY attnum""")) {
            s.setLong(1, oid);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    columns.add(new BenchTable.Column(rs.getString(1), rs.getString(2), rs.getBoolean(3)));
                }
            }
        }
        return columns;
    }

    private static boolean primaryKeyOnId(Connection connection, long oid) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("""
                SELECT count(*) FROM pg_constraint k JOIN pg_attribute a
                  ON a.attrelid = k.conrelid AND a.attnum = k.conkey[1]
                WHERE k.conrelid = ? AND k.contype = 'p' AND cardinality(k.conkey) = 1 AND a.attname = 'id'""")) {
            s.setLong(1, oid);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getLong(1) > 0;
            }
        }
    }

    /** Whether Benchdeck created the table (so it may drop or reload it). */
    public boolean ours() {
        return BenchTable.COMMENT.equals(comment);
    }

    /** How the columns differ from the benchmark shape, one item per column; empty when they match. */
    public List<String> shapeDifferences() {
        Map<String, BenchTable.Column> actual = new TreeMap<>();
        columns.forEach(c -> actual.put(c.name(), c));
        List<String> differences = new ArrayList<>();
        for (BenchTable.Column expected : BenchTable.COLUMNS) {
            BenchTable.Column found = actual.remove(expected.name());
            if (found == null) {
                differences.add(expected.name() + " is missing (expected " + expected + ")");
            } else if (!found.type().equals(expected.type()) || found.notNull() != expected.notNull()) {
                differences.add(expected.name() + " is " + found + " (expected " + expected + ")");
            }
        }
        actual.values().forEach(extra -> differences.add(extra.name() + " is not part of the shape (" + extra + ")"));
        return differences;
    }
}
