package dev.benchdeck.driver.jdbc.pool;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariConfigMXBean;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
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
import org.postgresql.PGConnection;

/**
 * A HikariCP pool whose new connections log in with the credential provider's current credential,
 * so rotating passwords and expiring OAuth tokens are picked up without restarting the pool.
 *
 * <p>No connection is handed out after the credential it logged in with has expired: such a
 * connection is retired at checkout and the borrower gets another. (Lakebase checks a token only at
 * login, but documents that commands needing authentication fail once the token has expired.) HikariCP's own
 * {@code maxLifetime} cannot do this alone: it is counted from the connection's open rather than
 * from the token's issue, and it cannot go below 30 s, longer than short-lived test credentials.
 * For Lakebase's hour-long tokens {@code maxLifetime} is kept below the token's life, so Hikari
 * retires connections in the background and the checkout rule rarely fires.
 */
public final class JdbcPool implements AutoCloseable {

    /** HikariCP refuses a shorter maxLifetime (it falls back to 30 minutes). */
    static final Duration HIKARI_MIN_LIFETIME = Duration.ofSeconds(30);

    private final HikariDataSource hikari;
    private final LoginExpiryDataSource logins;
    private final int overflow;
    private final Duration maxLifetime;
    private final List<String> warnings;
    private final Clock clock;
    /** Only expiring credentials (OAuth tokens) need the check at every borrow: it sits on the hot path. */
    private final boolean loginsExpire;

    private JdbcPool(HikariDataSource hikari, LoginExpiryDataSource logins, int overflow, Duration maxLifetime,
                     List<String> warnings, Clock clock, boolean loginsExpire) {
        this.loginsExpire = loginsExpire;
        this.hikari = hikari;
        this.logins = logins;
        this.overflow = overflow;
        this.maxLifetime = maxLifetime;
        this.warnings = List.copyOf(warnings);
        this.clock = clock;
    }

    /**
     * Opens a pool of {@code size} connections plus the target's overflow; connections are made in
     * the background. A credential is fetched now to learn its life (a failure is left for the first
     * connection to report).
     */
    public static JdbcPool open(JdbcTarget target, CredentialProvider credentials, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("pool size must be ≥ 1, was " + size);
        }
        List<String> warnings = new ArrayList<>();
        Duration maxLifetime = maxLifetimeFor(target.pool().maxLifetime(), lifetimeOf(credentials), warnings);
        LoginExpiryDataSource logins = new LoginExpiryDataSource(new FreshCredentialConnector(target, credentials));
        HikariConfig config = new HikariConfig();
        config.setPoolName("benchdeck-jdbc");
        config.setDataSource(logins);
        config.setMaximumPoolSize(size + target.pool().overflow());
        config.setMinimumIdle(size);
        config.setMaxLifetime(maxLifetime.toMillis());
        config.setConnectionTimeout(target.pool().acquireTimeout().toMillis());
        config.setInitializationFailTimeout(-1);
        config.setRegisterMbeans(false);
        return new JdbcPool(new HikariDataSource(config), logins, target.pool().overflow(), maxLifetime, warnings,
                Clock.systemUTC(), credentials.credentialLifetime() != null);
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
     * (never below HikariCP's 30 s); each change is explained in {@code warnings}.
     */
    static Duration maxLifetimeFor(Duration configured, Duration credentialLife, List<String> warnings) {
        Duration effective = configured;
        if (configured.compareTo(HIKARI_MIN_LIFETIME) < 0) {
            effective = HIKARI_MIN_LIFETIME;
            warnings.add("pool max_lifetime " + readable(configured) + " is below HikariCP's minimum; using "
                    + readable(effective));
        }
        if (credentialLife == null) {
            return effective;
        }
        Duration limit = credentialLife.minus(Credential.refreshMargin(credentialLife));
        if (effective.compareTo(limit) < 0) {
            return effective;
        }
        if (limit.compareTo(HIKARI_MIN_LIFETIME) < 0) {
            warnings.add("credentials live only " + readable(credentialLife) + ", less than HikariCP's 30 s minimum "
                    + "max_lifetime; connections are retired when the credential they logged in with expires");
            return HIKARI_MIN_LIFETIME;
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

    /** A connection from the pool, never one whose login credential has expired; closing it returns it. */
    public Connection connection() throws SQLException {
        int retired = 0;
        while (true) {
            Connection connection = hikari.getConnection();
            if (!loginsExpire || retired > hikari.getMaximumPoolSize() || !loginExpired(connection)) {
                return connection;
            }
            hikari.evictConnection(connection); // closes it; the pool opens a fresh one with a fresh credential
            retired++;
        }
    }

    private boolean loginExpired(Connection pooled) throws SQLException {
        Instant expiry = logins.loginExpiry((Connection) pooled.unwrap(PGConnection.class));
        return expiry != null && !clock.instant().isBefore(expiry);
    }

    /** Sizes the pool to {@code size} connections plus the overflow, e.g. to the plan's peak concurrency at setup. */
    public void resize(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("pool size must be ≥ 1, was " + size);
        }
        HikariConfigMXBean config = hikari.getHikariConfigMXBean();
        int maximum = size + overflow;
        if (maximum >= config.getMaximumPoolSize()) {
            config.setMaximumPoolSize(maximum); // grow the ceiling before the floor, shrink the floor first
            config.setMinimumIdle(size);
        } else {
            config.setMinimumIdle(size);
            config.setMaximumPoolSize(maximum);
        }
    }

    /** Connections kept open (without the overflow). */
    public int size() {
        return hikari.getHikariConfigMXBean().getMinimumIdle();
    }

    /** The most connections the pool opens: size plus overflow. */
    public int maximumSize() {
        return hikari.getHikariConfigMXBean().getMaximumPoolSize();
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
        HikariPoolMXBean bean = hikari.getHikariPoolMXBean();
        Map<String, Double> gauges = new LinkedHashMap<>();
        if (bean != null) {
            gauges.put("pool.active", (double) bean.getActiveConnections());
            gauges.put("pool.idle", (double) bean.getIdleConnections());
            gauges.put("pool.waiting", (double) bean.getThreadsAwaitingConnection());
            gauges.put("pool.total", (double) bean.getTotalConnections());
        }
        return gauges;
    }

    @Override
    public void close() {
        hikari.close();
    }
}
