package dev.benchdeck.driver.jdbc.pool;

import dev.benchdeck.driver.jdbc.config.JdbcTarget;
import dev.benchdeck.driver.jdbc.credentials.Credential;
import dev.benchdeck.driver.jdbc.credentials.CredentialException;
import dev.benchdeck.driver.jdbc.credentials.CredentialProvider;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A pool whose new connections log in with the credential provider's current credential,
 * so rotating passwords and expiring OAuth tokens are picked up without restarting the pool.
 *
 * <p>No connection is handed out after the credential it logged in with has expired: such a
 * connection is retired at checkout and the borrower gets another. (Lakebase checks a token only at
 * login, but documents that commands needing authentication fail once the token has expired.) A
 * {@code maxLifetime} alone cannot do this: it is counted from the connection's open rather than
 * from the token's issue, and it does not go below 30 s, longer than short-lived test credentials.
 * For Lakebase's hour-long tokens {@code maxLifetime} is kept below the token's life, so the pool
 * retires connections by age and the checkout rule rarely fires.
 */
public final class JdbcPool implements AutoCloseable {

    /** The shortest max lifetime: below it connections would churn (HikariCP, used before, had the same floor). */
    static final Duration MIN_LIFETIME = Duration.ofSeconds(30);

    private final ConnectionPool pool;
    private final int overflow;
    private final Duration maxLifetime;
    private final List<String> warnings;

    private JdbcPool(ConnectionPool pool, int overflow, Duration maxLifetime, List<String> warnings) {
        this.pool = pool;
        this.overflow = overflow;
        this.maxLifetime = maxLifetime;
        this.warnings = List.copyOf(warnings);
    }

    /**
     * Opens a pool of {@code size} connections plus the target's overflow; connections are made in
     * the background, {@value ConnectionPool#PARALLEL_LOGINS} at a time. A credential is fetched now to learn its life (a failure is left for the first
     * connection to report).
     */
    public static JdbcPool open(JdbcTarget target, CredentialProvider credentials, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("pool size must be ≥ 1, was " + size);
        }
        List<String> warnings = new ArrayList<>();
        Duration maxLifetime = maxLifetimeFor(target.pool().maxLifetime(), lifetimeOf(credentials), warnings);
        ConnectionPool pool = new ConnectionPool(new FreshCredentialConnector(target, credentials), size,
                size + target.pool().overflow(), maxLifetime.toNanos(), target.pool().acquireTimeout().toNanos(),
                credentials.credentialLifetime() != null, Clock.systemUTC());
        return new JdbcPool(pool, target.pool().overflow(), maxLifetime, warnings);
    }

    private static Duration lifetimeOf(CredentialProvider credentials) {
        if (credentials.credentialLifetime() == null) {
            return null;
        }
        try {
            Credential credential = credentials.credential();
            if (credential.expiresAt() != null) {
                return Duration.between(Instant.now(), credential.expiresAt());
            }
        } catch (CredentialException e) {
            // the first connection reports it, with the pool's wording
        }
        return credentials.credentialLifetime();
    }

    /**
     * The configured max lifetime, lowered below the credential's life minus its refresh margin
     * (never below 30 s); each change is explained in {@code warnings}.
     */
    static Duration maxLifetimeFor(Duration configured, Duration credentialLife, List<String> warnings) {
        Duration effective = configured;
        if (configured.compareTo(MIN_LIFETIME) < 0) {
            effective = MIN_LIFETIME;
            warnings.add("pool max_lifetime " + readable(configured) + " is below the pool's minimum; using "
                    + readable(effective));
        }
        if (credentialLife == null) {
            return effective;
        }
        Duration limit = credentialLife.minus(Credential.refreshMargin(credentialLife));
        if (effective.compareTo(limit) < 0) {
            return effective;
        }
        if (limit.compareTo(MIN_LIFETIME) < 0) {
            warnings.add("credentials live only " + readable(credentialLife) + ", less than the pool's 30 s minimum "
                    + "max_lifetime; connections are retired when the credential they logged in with expires");
            return MIN_LIFETIME;
        }
        warnings.add("pool max_lifetime " + readable(configured) + " lowered to " + readable(limit)
                + ", below the credential's life of " + readable(credentialLife) + " minus its refresh margin");
        return limit;
    }

    private static String readable(Duration d) {
        if (d.toMillis() % 60_000 == 0) {
            return d.toMinutes() + " min";
        }
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    /**
     * A connection from the pool, never one whose login credential has expired or that outlived the
     * max lifetime; closing it returns it. Waits up to the target's acquire timeout.
     */
    public Connection connection() throws SQLException {
        return pool.borrow();
    }

    /** Sizes the pool to {@code size} connections plus the overflow, e.g. to the plan's peak concurrency at setup. */
    public void resize(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("pool size must be ≥ 1, was " + size);
        }
        pool.resize(size, size + overflow);
    }

    /** Connections kept open (without the overflow). */
    public int size() {
        return pool.minimum();
    }

    /** The most connections the pool opens: size plus overflow. */
    public int maximumSize() {
        return pool.maximum();
    }

    /** The max lifetime in effect (the configured one, or lower for expiring credentials). */
    public Duration maxLifetime() {
        return maxLifetime;
    }

    /** Settings the pool had to change (e.g. max_lifetime lowered below the token life), for the driver to show. */
    public List<String> warnings() {
        return warnings;
    }

    /** pool.active, pool.idle, pool.waiting, pool.total. */
    public Map<String, Double> gauges() {
        Map<String, Double> gauges = new LinkedHashMap<>();
        gauges.put("pool.active", (double) pool.active());
        gauges.put("pool.idle", (double) pool.idle());
        gauges.put("pool.waiting", (double) pool.waiting());
        gauges.put("pool.total", (double) pool.open());
        return gauges;
    }

    /** The most logins that were in flight at once (for tests and diagnostics). */
    int peakParallelLogins() {
        return pool.peakLoginsInFlight();
    }

    @Override
    public void close() {
        pool.close();
    }
}
