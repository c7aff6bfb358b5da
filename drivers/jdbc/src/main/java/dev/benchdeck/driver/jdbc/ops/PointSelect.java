package dev.benchdeck.driver.jdbc.ops;

import dev.benchdeck.driver.jdbc.setup.BenchTable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.SplittableRandom;

/** One row by primary key, like pgbench's select-only script. */
public final class PointSelect implements Operation {

    private final String sql;
    private final KeyChooser keys;

    public PointSelect(BenchTable table, KeyChooser keys) {
        this.sql = "SELECT balance FROM " + table.sqlName() + " WHERE id = ?";
        this.keys = keys;
    }

    @Override
    public void run(Connection connection, SplittableRandom random) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, keys.next(random));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    rows.getLong(1);
                }
            }
        }
    }
}
