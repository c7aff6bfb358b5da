package dev.benchdeck.driver.jdbc.ops;

import dev.benchdeck.driver.jdbc.setup.BenchTable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.SplittableRandom;

/** {@code size} consecutive ids from a chosen first one, every row read. */
public final class RangeScan implements Operation {

    private final String sql;
    private final KeyChooser firstIds;
    private final int size;

    /** @param firstIds chooses the first id of each range (so that the whole range exists) */
    public RangeScan(BenchTable table, KeyChooser firstIds, int size) {
        this.sql = "SELECT id, balance FROM " + table.sqlName() + " WHERE id BETWEEN ? AND ?";
        this.firstIds = firstIds;
        this.size = size;
    }

    @Override
    public void run(Connection connection, SplittableRandom random) throws SQLException {
        long first = firstIds.next(random);
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, first);
            statement.setLong(2, first + size - 1);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    rows.getLong(2);
                }
            }
        }
    }
}
