package dev.benchdeck.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Stage 2 on its own (L1): miss then hit with the same chunks, the key's parts, the TTL, both replay pacings. */
class CacheTest {

    GatewayServer gateway;
    TestClient client;

    @BeforeEach
    void start() throws Exception {
        gateway = GatewayServer.start(Gateways.builder().provider(Gateways.fake(30, 20, 8)).build());
        client = new TestClient(gateway.baseUri());
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void aMissIsStoredAndTheNextEqualRequestReplaysItFromL1() throws Exception {
        TestClient.Answer first = client.stream(TestClient.request("cache me"));
        TestClient.Answer second = client.stream(TestClient.request("cache me"));

        assertThat(first.timing().path("cache").asText()).isEqualTo("miss");
        assertThat(second.timing().path("cache").asText()).isEqualTo("l1");
        assertThat(second.text()).isEqualTo(first.text());
        assertThat(second.chunks()).hasSize(8);
        assertThat(second.done()).isTrue();
        // replayed at once: no provider time
        assertThat(second.timing().path("stages_ms").path("streaming").asDouble()).isZero();
        JsonNode stats = client.admin("/admin/execution-stats").json();
        assertThat(stats.path("cache").path("l1_hits").asLong()).isEqualTo(1);
        assertThat(stats.path("cache").path("misses").asLong()).isEqualTo(1);
        assertThat(stats.path("cache").path("hit_ratio").asDouble()).isEqualTo(0.5);
        assertThat(stats.path("providers").path("fake").path("served").asLong()).isEqualTo(1);
    }

    @Test
    void theKeyCoversModelAndParameters() throws Exception {
        client.stream("{\"query\":\"k\",\"model\":\"fake-1\"}");

        for (String other : List.of("{\"query\":\"k\",\"model\":\"other\"}", "{\"query\":\"k\",\"model\":\"fake-1\",\"max_tokens\":4}",
                "{\"query\":\"k\",\"model\":\"fake-1\",\"temperature\":0.5}", "{\"query\":\"k2\",\"model\":\"fake-1\"}")) {
            assertThat(client.stream(other).timing().path("cache").asText()).as(other).isEqualTo("miss");
        }
        assertThat(client.stream("{\"query\":\"k\",\"model\":\"fake-1\"}").timing().path("cache").asText()).isEqualTo("l1");
    }

    @Test
    void anAnswerExpiresAfterTheTtl() throws Exception {
        client.putConfig("{\"cache_ttl_seconds\": 1}");
        client.stream(TestClient.request("short lived"));
        assertThat(client.stream(TestClient.request("short lived")).timing().path("cache").asText()).isEqualTo("l1");

        Thread.sleep(1_300);

        assertThat(client.stream(TestClient.request("short lived")).timing().path("cache").asText()).isEqualTo("miss");
    }

    @Test
    void cachingOffNeitherLooksUpNorStores() throws Exception {
        client.putConfig("{\"enable_caching\": false}");
        client.stream(TestClient.request("not kept"));

        assertThat(client.stream(TestClient.request("not kept")).timing().path("cache").asText()).isEqualTo("off");
        assertThat(client.admin("/admin/execution-stats").json().path("cache").path("lookups").asLong()).isZero();
    }

    @Test
    void asCachedReplaysWithTheOriginalGaps() throws Exception {
        client.putConfig("{\"cache_replay\": \"as_cached\"}");
        client.stream(TestClient.request("paced"));

        TestClient.Answer replay = client.stream(TestClient.request("paced"));

        List<TestClient.Event> chunks = replay.chunks();
        assertThat(replay.timing().path("cache").asText()).isEqualTo("l1");
        long spanMs = (chunks.get(chunks.size() - 1).atNanos() - chunks.get(0).atNanos()) / 1_000_000;
        assertThat(spanMs).isBetween(7 * 20L - 10, 7 * 20L + 400);
    }

    @Test
    void streamFalseIsServedFromTheCacheToo() throws Exception {
        String first = client.stream("{\"query\":\"whole\",\"stream\":false}").json().path("content").asText();

        JsonNode second = client.stream("{\"query\":\"whole\",\"stream\":false}").json();

        assertThat(second.path("cache").asText()).isEqualTo("l1");
        assertThat(second.path("content").asText()).isEqualTo(first);
    }
}
