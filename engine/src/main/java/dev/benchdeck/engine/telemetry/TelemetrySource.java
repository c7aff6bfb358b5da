package dev.benchdeck.engine.telemetry;

import java.util.Map;

/**
 * The target's own figures while a run executes (a gateway's stage times, PostgreSQL's
 * {@code pg_stat_*}), read once a second by one thread. Offered by a driver factory for its target
 * kind, so a new kind of target brings its telemetry without server code.
 */
public interface TelemetrySource extends AutoCloseable {

    /**
     * One sample: metric name ({@code stage.streaming.p99_ms}, {@code commits_per_s}) to value. Rates
     * come from the difference to the previous sample, so the first sample may leave them out.
     *
     * @throws Exception when the target cannot be read now; the caller skips this second and tries again
     */
    Map<String, Double> sample() throws Exception;

    /** Releases connections; the default holds none. */
    @Override
    default void close() {
    }
}
