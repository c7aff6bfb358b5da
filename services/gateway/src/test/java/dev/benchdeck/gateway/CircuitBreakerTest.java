package dev.benchdeck.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchdeck.gateway.config.ProviderDefinition;
import dev.benchdeck.mockllm.FaultShares;
import dev.benchdeck.mockllm.MockLlmServer;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Stage 4 on its own: a failing primary fails over, its circuit opens, half-opens after the wait, and closes when it recovers. */
class CircuitBreakerTest {

    MockLlmServer primary;
    MockLlmServer secondary;
    GatewayServer gateway;
    TestClient client;

    @BeforeEach
    void start() throws Exception {
        primary = MockLlmServer.start(Gateways.mock(5, 1, 3));
        secondary = MockLlmServer.start(Gateways.mock(5, 1, 3));
        gateway = GatewayServer.start(Gateways.builder()
                .provider(ProviderDefinition.openAi("primary", URI.create(primary.baseUri() + "/v1"), null, List.of("*")))
                .provider(ProviderDefinition.openAi("secondary", URI.create(secondary.baseUri() + "/v1"), null, List.of("*")))
                .build());
        client = new TestClient(gateway.baseUri());
        client.putConfig("""
                {"enable_caching": false, "provider_order": ["primary", "secondary"],
                 "circuit_breaker": {"minimum_calls": 4, "window_size": 4, "failure_rate_threshold": 50,
                                     "open_duration_ms": 700, "half_open_calls": 2}}""");
    }

    @AfterEach
    void stop() {
        gateway.close();
        primary.close();
        secondary.close();
    }

    private String circuit(String provider) throws Exception {
        return client.get("/health").json().path("providers").path(provider).path("circuit").asText();
    }

    private TestClient.Answer ask(int i) throws Exception {
        return client.stream("{\"query\":\"q" + i + "\",\"provider\":\"primary\",\"model\":\"m\"}");
    }

    @Test
    void opensOnFailuresFailsOverHalfOpensAndCloses() throws Exception {
        assertThat(ask(0).timing().path("provider").asText()).isEqualTo("primary");
        primary.updateConfig(primary.config().toBuilder().faults(new FaultShares(0, 1, 0, 0, 0)).build());

        for (int i = 1; i <= 3; i++) {
            TestClient.Answer answer = ask(i);
            assertThat(answer.done()).isTrue();
            assertThat(answer.timing().path("provider").asText()).isEqualTo("secondary");
            assertThat(answer.timing().path("failovers").asInt()).isEqualTo(1);
        }
        assertThat(circuit("primary")).isEqualTo("open");
        assertThat(client.get("/health").json().path("status").asText()).isEqualTo("ok");

        long primaryCalls = primary.stats().totalRequests();
        TestClient.Answer whileOpen = ask(4);
        assertThat(whileOpen.timing().path("provider").asText()).isEqualTo("secondary");
        assertThat(whileOpen.timing().path("failovers").asInt()).isZero();
        assertThat(primary.stats().totalRequests()).isEqualTo(primaryCalls);

        Thread.sleep(900);
        assertThat(circuit("primary")).isEqualTo("half_open");
        primary.updateConfig(primary.config().toBuilder().faults(FaultShares.none()).build());
        assertThat(ask(5).timing().path("provider").asText()).isEqualTo("primary");
        assertThat(ask(6).timing().path("provider").asText()).isEqualTo("primary");
        assertThat(circuit("primary")).isEqualTo("closed");
        assertThat(client.admin("/admin/execution-stats").json().path("failovers").asLong()).isEqualTo(3);
    }

    @Test
    void aFailedHalfOpenProbeOpensTheCircuitAgain() throws Exception {
        primary.updateConfig(primary.config().toBuilder().faults(new FaultShares(0, 1, 0, 0, 0)).build());
        for (int i = 0; i < 4; i++) {
            ask(i);
        }
        assertThat(circuit("primary")).isEqualTo("open");
        Thread.sleep(900);

        ask(10);
        ask(11);

        assertThat(circuit("primary")).isEqualTo("open");
    }

    @Test
    void everyCircuitOpenIs503WithRetryAfter() throws Exception {
        primary.updateConfig(primary.config().toBuilder().faults(new FaultShares(0, 1, 0, 0, 0)).build());
        secondary.updateConfig(secondary.config().toBuilder().faults(new FaultShares(0, 1, 0, 0, 0)).build());
        for (int i = 0; i < 4; i++) {
            ask(i);
        }

        TestClient.Answer refused = ask(5);

        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.json().path("code").asText()).isEqualTo("no_provider");
        assertThat(refused.header("retry-after")).isNotNull();
        assertThat(client.get("/health").json().path("status").asText()).isEqualTo("degraded");
    }
}
