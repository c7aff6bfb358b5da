package dev.benchdeck.server.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchdeck.embeddedpg.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** The embedded PostgreSQL started as soon as the environment is known, and taken (or not) by the bean. */
class EarlyEmbeddedPostgresTest {

    private static void environmentPrepared(Map<String, Object> properties) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("test", properties));
        new EarlyEmbeddedPostgres().onApplicationEvent(new ApplicationEnvironmentPreparedEvent(
                new DefaultBootstrapContext(), new SpringApplication(), new String[0], env));
    }

    @Test
    void theBeanTakesTheEarlyStartMadeWithItsSettings(@TempDir Path dir) {
        Path data = dir.resolve("data");
        environmentPrepared(Map.of("benchdeck.data-dir", data.toString(), "benchdeck.embedded-db.port", "0"));
        try (EmbeddedPostgres pg = EarlyEmbeddedPostgres.take(data, 0, false)) {
            assertThat(pg.status().running()).isTrue();
            assertThat(pg.status().dataDirectory()).startsWith(data);
        }
    }

    @Test
    void anEarlyStartWithOtherSettingsIsStoppedAndAnExternalDatabaseStartsNothing(@TempDir Path dir) throws Exception {
        Path early = dir.resolve("early");
        Path other = dir.resolve("other");
        environmentPrepared(Map.of("benchdeck.data-dir", early.toString(), "benchdeck.embedded-db.port", "0"));
        try (EmbeddedPostgres pg = EarlyEmbeddedPostgres.take(other, 0, false)) {
            assertThat(pg.status().dataDirectory()).startsWith(other);
        }
        // the early one was stopped: its data directory holds no running postmaster any more
        assertThat(Files.exists(early.resolve("pgdata").resolve("postmaster.pid"))).isFalse();

        environmentPrepared(Map.of("benchdeck.data-dir", early.toString(), "BENCHDECK_DATABASE_URL", "postgresql://db.example/x"));
        Path fresh = dir.resolve("fresh");
        try (EmbeddedPostgres pg = EarlyEmbeddedPostgres.take(fresh, 0, false)) {
            assertThat(pg.status().dataDirectory()).startsWith(fresh);
        }
    }
}
