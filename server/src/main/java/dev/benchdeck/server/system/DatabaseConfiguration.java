package dev.benchdeck.server.system;

import com.zaxxer.hikari.HikariDataSource;
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
 * otherwise the embedded one whose data stays in {@code benchdeck.data-dir}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "spring.datasource.url", matchIfMissing = true, havingValue = "__never__")
class DatabaseConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "BENCHDECK_DATABASE_URL", matchIfMissing = true, havingValue = "__never__")
    EmbeddedPostgres embeddedPostgres(BenchdeckProperties properties) {
        return EmbeddedPostgres.start(properties.dataDir(), properties.embeddedDb().port(), properties.embeddedDb().deleteOnStop());
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
        return ds;
    }
}
