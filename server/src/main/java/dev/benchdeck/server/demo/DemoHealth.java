package dev.benchdeck.server.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The health of the services Benchdeck starts for its demos ({@code mockLlm}, {@code demoTarget}): UP
 * when one answers a request within a second, DOWN when it does not, UNKNOWN when it is off (so that
 * an off demo never makes the server unhealthy). Not part of readiness.
 */
@Configuration(proxyBeanMethods = false)
class DemoHealth {

    private static final Duration TIMEOUT = Duration.ofSeconds(1);

    @Bean
    HealthIndicator mockLlmHealthIndicator(DemoMockLlm mock) {
        return () -> probe(mock.baseUrl(), "/mock/stats", "off (benchdeck.mock-llm.port is -1, or its port was taken at start)");
    }

    @Bean
    HealthIndicator demoTargetHealthIndicator(DemoHttpTarget target) {
        return () -> probe(target.baseUrl(), "/hello", "off (benchdeck.demo-target.port is -1)");
    }

    private static Health probe(Optional<String> baseUrl, String path, String whenOff) {
        if (baseUrl.isEmpty()) {
            return Health.unknown().withDetail("state", whenOff).build();
        }
        long start = System.nanoTime();
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build()) {
            HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(baseUrl.get() + path)).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            double millis = Math.round((System.nanoTime() - start) / 100_000.0) / 10.0;
            return (response.statusCode() == 200 ? Health.up() : Health.down())
                    .withDetail("url", baseUrl.get()).withDetail("status", response.statusCode()).withDetail("check_ms", millis).build();
        } catch (IOException e) {
            return Health.down().withDetail("url", baseUrl.get()).withDetail("error", String.valueOf(e.getMessage())).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.unknown().withDetail("url", baseUrl.get()).withDetail("error", "interrupted").build();
        }
    }
}
