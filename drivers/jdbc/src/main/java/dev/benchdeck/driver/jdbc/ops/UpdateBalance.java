package dev.benchdeck.driver.jdbc.ops;

import dev.benchdeck.driver.jdbc.setup.BenchTable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.SplittableRandom;

/** Adds a random delta in [-5000, 5000] to one row's balance, like pgbench's accounts update. */
public final class UpdateBalance implements Operation {

    static final int MAX_DELTA = 5000;

    private final String sql;
    private final KeyChooser keys;

    public UpdateBalance(BenchTable table, KeyChooser keys) {
        this.sql = "UPDATE " + table.sqlName() + " SET balance = balance + ? WHERE id = ?";
        this.keys = keys;
    }

    @Override
    public void run(Connection connection, SplittableRandom random) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, random.nextInt(-MAX_DELTA, MAX_DELTA + 1));
            statement.setLong(2, keys.next(random));
            statement.executeUpdate();
        }
    }
}
