package dev.benchdeck.driver.jdbc.ops;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.SplittableRandom;

/** The workload's own SQL, each {@code ?} set by its generator; a query's rows are all read. */
public final class CustomStatement implements Operation {

    private final String sql;
    private final ParamGenerator[] params;

    public CustomStatement(String sql, List<ParamGenerator> params) {
        this.sql = sql;
        this.params = params.toArray(ParamGenerator[]::new);
    }

    @Override
    public void run(Connection connection, SplittableRandom random) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                params[i].bind(statement, i + 1, random);
            }
            if (statement.execute()) {
                try (ResultSet rows = statement.getResultSet()) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        if (columns > 0) {
                            rows.getObject(1);
                        }
                    }
                }
            }
        }
    }
}
