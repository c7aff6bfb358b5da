package dev.benchdeck.server.system;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The health of Benchdeck's database ({@code db}, part of readiness): a pooled connection answering
 * within a second, with the pool's state. While the database is away it turns DOWN after at most the
 * pool's connection timeout (1 s), not the 30 s a pool waits by default. No URL parameters, no secrets.
 */
@Component("dbHealthIndicator")
class DatabaseHealth implements HealthIndicator {

    private static final int VALID_WITHIN_SECONDS = 1;

    private final DataSource dataSource;

    DatabaseHealth(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Health health() {
        Map<String, Object> details = new LinkedHashMap<>();
        long start = System.nanoTime();
        Health.Builder health;
        try (Connection connection = dataSource.getConnection()) {
            boolean valid = connection.isValid(VALID_WITHIN_SECONDS);
            details.put("database", connection.getMetaData().getDatabaseProductName() + " "
                    + connection.getMetaData().getDatabaseProductVersion());
            health = valid ? Health.up() : Health.down();
            if (!valid) {
                details.put("error", "the connection did not answer within " + VALID_WITHIN_SECONDS + " s");
            }
        } catch (SQLException | RuntimeException e) {
            health = Health.down();
            details.put("error", DatabaseOutage.isCause(e) ? "database unavailable: " + DatabaseOutage.describe(e) : DatabaseOutage.describe(e));
        }
        details.put("check_ms", Math.round((System.nanoTime() - start) / 100_000.0) / 10.0);
        if (dataSource instanceof HikariDataSource hikari) {
            details.put("url", withoutParameters(hikari.getJdbcUrl()));
            details.put("pool", pool(hikari));
        }
        return health.withDetails(details).build();
    }

    private static Map<String, Object> pool(HikariDataSource hikari) {
        Map<String, Object> pool = new LinkedHashMap<>();
        HikariPoolMXBean bean = hikari.getHikariPoolMXBean();
        if (bean != null) {
            pool.put("active", bean.getActiveConnections());
            pool.put("idle", bean.getIdleConnections());
            pool.put("total", bean.getTotalConnections());
            pool.put("waiting", bean.getThreadsAwaitingConnection());
        }
        pool.put("max", hikari.getMaximumPoolSize());
        pool.put("connection_timeout_ms", hikari.getConnectionTimeout());
        return pool;
    }

    /** {@code jdbc:postgresql://host:port/db}: query parameters may hold a password. */
    private static String withoutParameters(String url) {
        if (url == null) {
            return null;
        }
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        return base.replaceAll("//[^/@]*@", "//");
    }
}
