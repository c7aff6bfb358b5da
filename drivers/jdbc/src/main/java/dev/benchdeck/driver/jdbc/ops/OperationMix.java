package dev.benchdeck.driver.jdbc.ops;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.SplittableRandom;

/** Picks one of several operations per run by weight, with the session's random (so a seeded run repeats). */
public final class OperationMix implements Operation {

    /** An operation and its weight (&gt; 0). */
    public record Weighted(Operation operation, int weight) {
    }

    private final Operation[] operations;
    private final int[] cumulative;
    private final int total;

    public OperationMix(List<Weighted> weighted) {
        if (weighted.isEmpty()) {
            throw new IllegalArgumentException("a mix needs at least one operation");
        }
        operations = new Operation[weighted.size()];
        cumulative = new int[weighted.size()];
        int sum = 0;
        for (int i = 0; i < weighted.size(); i++) {
            if (weighted.get(i).weight() <= 0) {
                throw new IllegalArgumentException("weights must be > 0");
            }
            operations[i] = weighted.get(i).operation();
            sum += weighted.get(i).weight();
            cumulative[i] = sum;
        }
        total = sum;
    }

    /** The operation a draw of {@code ticket} in [0, total) picks. */
    Operation pick(int ticket) {
        int i = 0;
        while (ticket >= cumulative[i]) {
            i++;
        }
        return operations[i];
    }

    @Override
    public void run(Connection connection, SplittableRandom random) throws SQLException {
        pick(random.nextInt(total)).run(connection, random);
    }
}
