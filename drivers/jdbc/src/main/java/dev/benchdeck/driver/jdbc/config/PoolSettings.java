package dev.benchdeck.driver.jdbc.config;

import java.time.Duration;

/**
 * The connection pool: {@code size} connections kept open ({@code null}: the plan's peak
 * concurrency), up to {@code overflow} more under load; {@code maxLifetime} retires connections
 * (kept below an OAuth token's life, so no connection outlives its login by much);
 * {@code acquireTimeout} bounds the wait for a free connection.
 */
public record PoolSettings(Integer size, int overflow, Duration maxLifetime, Duration acquireTimeout) {

    public static final Duration DEFAULT_MAX_LIFETIME = Duration.ofMinutes(30);
    public static final Duration DEFAULT_ACQUIRE_TIMEOUT = Duration.ofSeconds(30);

    public static PoolSettings defaults() {
        return new PoolSettings(null, 0, DEFAULT_MAX_LIFETIME, DEFAULT_ACQUIRE_TIMEOUT);
    }
}
