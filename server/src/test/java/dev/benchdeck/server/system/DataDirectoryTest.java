package dev.benchdeck.server.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** The data directory follows $HOME (Java's user.home comes from the account, not from $HOME). */
class DataDirectoryTest {

    private static String dataDir(Map<String, Object> environment) throws Exception {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        env.getPropertySources().addFirst(new MapPropertySource("environment", environment));
        new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yaml"))
                .forEach(env.getPropertySources()::addLast);
        return env.getProperty("benchdeck.data-dir");
    }

    @Test
    void theDefaultDataDirectoryIsUnderHomeAndFallsBackToUserHome() throws Exception {
        assertThat(dataDir(Map.of("HOME", "/tmp/somebody-else"))).isEqualTo("/tmp/somebody-else/.benchdeck");
        assertThat(dataDir(Map.of())).isEqualTo(System.getProperty("user.home") + "/.benchdeck");
    }
}
