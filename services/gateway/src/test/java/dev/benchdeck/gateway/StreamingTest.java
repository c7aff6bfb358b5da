package dev.benchdeck.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchdeck.gateway.stats.Stage;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Stage 5 with the fake provider: the chunk format, the timing event, [DONE], whole answers, heartbeats. */
class StreamingTest {

    static GatewayServer gateway;
    static TestClient client;

    @BeforeAll
    static void start() throws Exception {
        gateway = GatewayServer.start(Gateways.builder().provider(Gateways.fake(20, 5, 12)).build());
        client = new TestClient(gateway.baseUri());
        client.putConfig("{\"enable_caching\": false}");
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void streamsChunksThenTimingThenDone() throws Exception {
        TestClient.Answer answer = client.stream("{\"query\":\"hello there\",\"provider\":\"fake\",\"model\":\"fake-1\"}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("content-type")).startsWith("text/event-stream");
        List<TestClient.Event> chunks = answer.chunks();
        assertThat(chunks).hasSize(12);
        for (int i = 0; i < chunks.size(); i++) {
            JsonNode chunk = chunks.get(i).json();
            assertThat(chunk.path("chunk_index").asInt()).isEqualTo(i);
            assertThat(chunk.path("content").asText()).matches(" \\w+");
        }
        JsonNode timing = answer.timing();
        for (Stage s : Stage.values()) {
            assertThat(timing.path("stages_ms").has(s.key())).as(s.key()).isTrue();
        }
        assertThat(timing.path("stages_ms").path("streaming").asDouble()).isGreaterThanOrEqualTo(20 + 11 * 5 - 1);
        assertThat(timing.path("provider").asText()).isEqualTo("fake");
        assertThat(timing.path("output_tokens").asInt()).isEqualTo(12);
        assertThat(answer.done()).isTrue();
        List<TestClient.Event> events = answer.events();
        assertThat(events.get(events.size() - 1).data()).isEqualTo("[DONE]");
        assertThat(events.get(events.size() - 2).type()).isEqualTo("timing");
    }

    @Test
    void streamFalseAnswersOneJsonDocumentWithServerTiming() throws Exception {
        TestClient.Answer answer = client.stream("{\"query\":\"hello\",\"stream\":false,\"max_tokens\":5}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("content-type")).isEqualTo("application/json");
        JsonNode body = answer.json();
        assertThat(body.path("chunks").asInt()).isEqualTo(5);
        assertThat(body.path("content").asText().strip().split(" ")).hasSize(5);
        assertThat(body.path("provider").asText()).isEqualTo("fake");
        String serverTiming = answer.header("server-timing");
        for (Stage s : Stage.values()) {
            assertThat(serverTiming).contains(s.key() + ";dur=");
        }
        assertThat(serverTiming).contains("queue_wait;dur=").contains("total;dur=");
    }

    @Test
    void heartbeatsWhileTheProviderIsSilent() throws Exception {
        try (GatewayServer slow = GatewayServer.start(Gateways.builder().provider(Gateways.fake(1_000, 5, 2)).build())) {
            TestClient c = new TestClient(slow.baseUri());
            c.putConfig("{\"heartbeat_interval_ms\": 100}");

            TestClient.Answer answer = c.stream(TestClient.request("wait for it"));

            long beforeFirstChunk = answer.events().stream().takeWhile(e -> !e.type().equals("chunk"))
                    .filter(e -> e.type().equals(":")).count();
            assertThat(beforeFirstChunk).isBetween(5L, 11L);
            assertThat(answer.events().stream().filter(e -> e.type().equals(":")).map(TestClient.Event::data))
                    .containsOnly("heartbeat");
            assertThat(answer.chunks()).hasSize(2);
            assertThat(answer.done()).isTrue();
        }
    }

    @Test
    void statsCountEveryStage() throws Exception {
        client.stream(TestClient.request("count me"));

        JsonNode stats = client.admin("/admin/execution-stats").json();
        for (Stage s : Stage.values()) {
            if (s != Stage.CACHE) {
                assertThat(stats.path("stages").path(s.key()).path("count").asLong()).as(s.key()).isPositive();
            }
            assertThat(stats.path("stages").path(s.key()).fieldNames()).toIterable()
                    .containsExactly("count", "mean_ms", "p50_ms", "p90_ms", "p95_ms", "p99_ms", "max_ms");
        }
        assertThat(stats.path("requests").path("completed").asLong()).isPositive();
        assertThat(stats.path("active_streams").asLong()).isZero();
    }
}
