package dev.benchdeck.server.system;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import javax.sql.DataSource;
import dev.benchdeck.embeddedpg.EmbeddedPostgres;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The database: an external PostgreSQL when {@code BENCHDECK_DATABASE_URL} (with
 * {@code BENCHDECK_DATABASE_USER}/{@code _PASSWORD}) or {@code spring.datasource.url} is set,
 * otherwise the embedded one whose data stays in {@code benchdeck.data-dir}, supervised (restarted when
 * its process dies). The pool waits at most {@link #CONNECTION_TIMEOUT} for a connection.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "spring.datasource.url", matchIfMissing = true, havingValue = "__never__")
class DatabaseConfiguration {

    /** The longest wait for a pooled connection; also bounds a health check while the database is away. */
    public static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(1);
    static final Duration VALIDATION_TIMEOUT = Duration.ofMillis(500);

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "BENCHDECK_DATABASE_URL", matchIfMissing = true, havingValue = "__never__")
    EmbeddedPostgres embeddedPostgres(BenchdeckProperties properties) {
        // started early, beside Spring's own start-up, when the server's main() could (EarlyEmbeddedPostgres)
        return EarlyEmbeddedPostgres.take(properties.dataDir(), properties.embeddedDb().port(), properties.embeddedDb().deleteOnStop())
                .supervise(properties.embeddedDb().supervisionInterval());
    }

    /** The embedded PostgreSQL's process ({@code embeddedPostgres} in the health report): its pid, port and restarts. */
    @Bean
    @ConditionalOnProperty(name = "BENCHDECK_DATABASE_URL", matchIfMissing = true, havingValue = "__never__")
    HealthIndicator embeddedPostgresHealthIndicator(EmbeddedPostgres pg) {
        return () -> {
            EmbeddedPostgres.Status status = pg.status();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("pid", status.pid());
            details.put("port", status.port());
            details.put("data_directory", status.dataDirectory().toString());
            details.put("supervised", status.supervised());
            details.put("restarts", status.restarts());
            details.put("last_restart", status.lastRestart() == null ? null : status.lastRestart().toString());
            if (status.lastRestartProblem() != null) {
                details.put("last_restart_problem", status.lastRestartProblem());
            }
            return (status.running() ? Health.up() : Health.down()).withDetails(details).build();
        };
    }

    @Bean
    @ConditionalOnMissingBean(DataSource.class)
    HikariDataSource dataSource(Environment env, org.springframework.beans.factory.ObjectProvider<EmbeddedPostgres> embedded) {
        HikariDataSource ds = new HikariDataSource();
        EmbeddedPostgres pg = embedded.getIfAvailable();
        if (pg != null) {
            ds.setJdbcUrl(pg.jdbcUrl());
            ds.setUsername(pg.user());
            ds.setPassword(pg.password());
        } else {
            String url = env.getRequiredProperty("BENCHDECK_DATABASE_URL");
            ds.setJdbcUrl(url.startsWith("jdbc:") ? url : "jdbc:" + url);
            ds.setUsername(env.getProperty("BENCHDECK_DATABASE_USER"));
            ds.setPassword(env.getProperty("BENCHDECK_DATABASE_PASSWORD"));
        }
        ds.setPoolName("benchdeck");
        ds.setMaximumPoolSize(20);
        // with the database away, a request fails within a second (503) instead of waiting 30 s for a connection
        ds.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
        ds.setValidationTimeout(VALIDATION_TIMEOUT.toMillis());
        ds.addDataSourceProperty("connectTimeout", "5");
        ds.addDataSourceProperty("socketTimeout", "60");
        return ds;
    }
}
