package dev.benchdeck.driver.jdbc.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The plan's {@code workload} for the jdbc driver: the benchmark table and how it is set up, and the
 * operations the users run. {@code mix} holds the weight of each operation kind (one entry for a
 * plain {@code operation}); {@code statementTimeout} is {@code null} when the server's applies.
 */
public record JdbcWorkload(String table, long rows, int batchSize, SetupMode setup, boolean teardown,
                           boolean prepared, Duration statementTimeout, Map<OperationKind, Integer> mix,
                           KeySpec keys, int rangeSize, int insertBatch, String sql, List<ParamSpec> params) {

    public static final long MIN_ROWS = 1000;
    public static final long DEFAULT_ROWS = 1_000_000;
    /** Rows per COPY while loading: all of them in one unless the plan says otherwise (the fastest, bench/db load). */
    public static final int DEFAULT_BATCH_SIZE = Integer.MAX_VALUE;
    public static final int DEFAULT_RANGE_SIZE = 100;
    public static final int DEFAULT_INSERT_BATCH = 100;
    /** Three parameters per row must stay under PostgreSQL's 65,535 per statement. */
    public static final int MAX_INSERT_BATCH = 10_000;

    public JdbcWorkload {
        mix = Map.copyOf(mix);
        params = List.copyOf(params);
    }

    /** Whether the workload runs operations of this kind (a positive weight in the mix). */
    public boolean uses(OperationKind kind) {
        return mix.getOrDefault(kind, 0) > 0;
    }
}
