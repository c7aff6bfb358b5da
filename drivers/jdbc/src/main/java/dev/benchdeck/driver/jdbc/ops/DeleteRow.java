package dev.benchdeck.driver.jdbc.ops;

import dev.benchdeck.driver.jdbc.setup.BenchTable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.SplittableRandom;

/** Deletes one row: one this run inserted when there is one, else a random existing id (maybe already gone). */
public final class DeleteRow implements Operation {

    private final String sql;
    private final RunIds ids;

    public DeleteRow(BenchTable table, RunIds ids) {
        this.sql = "DELETE FROM " + table.sqlName() + " WHERE id = ?";
        this.ids = ids;
    }

    @Override
    public void run(Connection connection, SplittableRandom random) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, ids.toDelete(random));
            statement.executeUpdate();
        }
    }
}
