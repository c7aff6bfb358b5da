package dev.benchdeck.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import dev.benchdeck.gateway.config.ProviderDefinition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Stage 1: every bad request is a 4xx problem detail with field paths, never a 500 and never a stream. */
class BadInputTest {

    static GatewayServer gateway;
    static TestClient client;

    @BeforeAll
    static void start() throws Exception {
        gateway = GatewayServer.start(Gateways.builder().provider(Gateways.fake(0, 0, 3))
                .provider(ProviderDefinition.fake("strict", Gateways.mock(0, 0, 3), List.of("small-1"))).build());
        client = new TestClient(gateway.baseUri());
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    private static JsonNode problem(TestClient.Answer answer, int status) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.header("content-type")).isEqualTo("application/problem+json");
        JsonNode body = answer.json();
        assertThat(body.path("status").asInt()).isEqualTo(status);
        assertThat(body.path("title").asText()).isNotBlank();
        assertThat(body.path("type").asText()).startsWith("https://benchdeck.dev/problems/");
        return body;
    }

    private static List<String> paths(JsonNode problem) {
        List<String> paths = new ArrayList<>();
        problem.path("errors").forEach(e -> paths.add(e.path("path").asText()));
        return paths;
    }

    @Test
    void anOversizeQueryIs413WithItsPath() throws Exception {
        String query = "x".repeat(100_001);

        JsonNode body = problem(client.stream(TestClient.request(query)), 413);

        assertThat(paths(body)).containsExactly("query");
        assertThat(body.path("errors").get(0).path("message").asText()).contains("100001").contains("100000");
    }

    @Test
    void aQueryOfExactly100000CharactersIsServed() throws Exception {
        TestClient.Answer answer = client.stream(TestClient.request("y".repeat(100_000)));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.done()).isTrue();
    }

    @Test
    void aBodyOverOneMebibyteIs413() throws Exception {
        JsonNode body = problem(client.stream(TestClient.request("z".repeat(1_100_000))), 413);

        assertThat(body.path("code").asText()).isEqualTo("body_too_large");
    }

    @Test
    void unknownModelAndProviderAre422WithTheirPaths() throws Exception {
        assertThat(paths(problem(client.stream("{\"query\":\"q\",\"provider\":\"strict\",\"model\":\"gpt-9\"}"), 422)))
                .containsExactly("model");
        JsonNode unknownProvider = problem(client.stream("{\"query\":\"q\",\"provider\":\"nope\",\"model\":\"m\"}"), 422);
        assertThat(paths(unknownProvider)).containsExactly("provider");
    }

    @Test
    void everyFieldProblemIsReportedAtOnce() throws Exception {
        JsonNode body = problem(client.stream("{\"query\":\"\",\"stream\":\"yes\",\"max_tokens\":0,\"temperature\":3,\"color\":1}"), 422);

        assertThat(paths(body)).containsExactlyInAnyOrder("color", "query", "stream", "max_tokens", "temperature");
    }

    @Test
    void malformedJsonIs400() throws Exception {
        JsonNode body = problem(client.stream("{\"query\": \"unterminated"), 400);

        assertThat(body.path("detail").asText()).contains("not valid JSON");
        problem(client.stream("[1,2]"), 400);
        problem(client.stream("{\"query\":\"a\"} trailing"), 400);
    }

    @Test
    void aWrongContentTypeIs415() throws Exception {
        problem(client.post("/api/v1/stream", "text/plain", TestClient.request("q")), 415);
        problem(client.post("/api/v1/stream", null, TestClient.request("q")), 415);
    }

    @Test
    void wrongMethodAndUnknownPathAre405And404() throws Exception {
        TestClient.Answer get = client.get("/api/v1/stream");
        problem(get, 405);
        assertThat(get.header("allow")).isEqualTo("POST");
        problem(client.get("/api/v2/nothing"), 404);
    }

    @Test
    void noBadRequestReachedAProviderOrAStream() throws Exception {
        JsonNode stats = client.admin("/admin/execution-stats").json();

        assertThat(stats.path("requests").path("rejected_invalid").asLong()).isGreaterThanOrEqualTo(4);
        assertThat(stats.path("providers").path("fake").path("failures").asLong()).isZero();
    }
}
