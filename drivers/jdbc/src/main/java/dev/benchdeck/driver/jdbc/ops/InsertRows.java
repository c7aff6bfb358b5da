package dev.benchdeck.driver.jdbc.ops;

import dev.benchdeck.driver.jdbc.setup.BenchTable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.SplittableRandom;

/**
 * Inserts {@code rows} new rows (ids after every existing one) in one statement: a single-row
 * INSERT for {@code insert}, a multi-row {@code INSERT … VALUES (…), (…)} for {@code batch_insert},
 * one round trip either way.
 */
public final class InsertRows implements Operation {

    private final String sql;
    private final int rows;
    private final RunIds ids;

    public InsertRows(BenchTable table, int rows, RunIds ids) {
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(table.sqlName())
                .append(" (id, balance, filler) VALUES ");
        for (int i = 0; i < rows; i++) {
            sql.append(i == 0 ? "(?, ?, ?)" : ", (?, ?, ?)");
        }
        this.sql = sql.toString();
        this.rows = rows;
        this.ids = ids;
    }

    @Override
    public void run(Connection connection, SplittableRandom random) throws SQLException {
        long first = ids.allocate(rows);
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int p = 1;
            for (int i = 0; i < rows; i++) {
                statement.setLong(p++, first + i);
                statement.setLong(p++, 0);
                statement.setString(p++, BenchTable.FILLER);
            }
            statement.executeUpdate();
        }
    }
}
