package dev.benchdeck.driver.llm.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.benchdeck.driver.http.check.HttpCheckReport;
import dev.benchdeck.driver.http.check.LocalServer;
import dev.benchdeck.driver.llm.LlmDriverFactory;
import org.junit.jupiter.api.Test;

/** The checks the llm driver offers: llm targets (one token of the default model, or the model list) and automations. */
class LlmCheckTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "sk-check-s3cret-0007";

    private static ObjectNode target(String url) {
        return JSON.createObjectNode().put("url", url);
    }

    private static HttpCheckReport check(String kind, JsonNode settings) {
        return (HttpCheckReport) new LlmDriverFactory().check(kind, settings).orElseThrow().run();
    }

    @Test
    void anLlmTargetWithAModelStreamsOneTokenOfItWithTheBearerKey() throws Exception {
        try (LocalServer server = new LocalServer(200, "data: [DONE]\n\n")) {
            HttpCheckReport report = check("llm", target(server.url() + "/").put("provider", "openai-compatible")
                    .put("model", "mock-1").put("api_key", KEY));

            assertThat(report.ok()).isTrue();
            assertThat(report.status()).isEqualTo(200);
            assertThat(report.message()).isEqualTo("HTTP 200: model mock-1 answered");
            LocalServer.Received request = server.received.getFirst();
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/v1/chat/completions");
            assertThat(request.header("authorization")).isEqualTo("Bearer " + KEY);
            JsonNode body = JSON.readTree(request.body());
            assertThat(body.get("model").asText()).isEqualTo("mock-1");
            assertThat(body.get("max_tokens").asInt()).isEqualTo(1);
            assertThat(body.get("stream").asBoolean()).isTrue();
        }
    }

    @Test
    void anthropicGetsItsMessagesPathAndKeyHeaderAndNoModelMeansTheModelList() {
        try (LocalServer server = new LocalServer(200, "{}")) {
            check("llm", target(server.url()).put("provider", "anthropic").put("model", "claude").put("api_key", KEY));
            assertThat(server.received.getFirst().path()).isEqualTo("/v1/messages");
            assertThat(server.received.getFirst().header("x-api-key")).isEqualTo(KEY);
            assertThat(server.received.getFirst().header("anthropic-version")).isNotBlank();

            HttpCheckReport list = check("llm", target(server.url()));
            assertThat(server.received.get(1).method()).isEqualTo("GET");
            assertThat(server.received.get(1).path()).isEqualTo("/v1/models");
            assertThat(list.message()).isEqualTo("HTTP 200: the server listed its models");
        }
    }

    @Test
    void aRefusedKeyIsAnAuthErrorAndTheProvidersEchoOfTheKeyIsMasked() {
        try (LocalServer server = new LocalServer(401, "{\"error\": {\"message\": \"Incorrect API key provided: " + KEY + "\"}}")) {
            HttpCheckReport report = check("llm", target(server.url()).put("model", "m").put("api_key", KEY));
            assertThat(report.ok()).isFalse();
            assertThat(report.status()).isEqualTo(401);
            assertThat(report.errorClass()).isEqualTo("auth");
            assertThat(report.message()).contains("API key was refused", "credentials.api_key", "Incorrect API key").doesNotContain(KEY);
        }
    }

    @Test
    void notFoundRateLimitedAndServerErrorsSayWhatToFix() {
        try (LocalServer missing = new LocalServer(404, ""); LocalServer limited = new LocalServer(429, "");
             LocalServer failing = new LocalServer(503, "")) {
            HttpCheckReport notFound = check("llm", target(missing.url()).put("model", "gpt-x"));
            assertThat(notFound.errorClass()).isEqualTo("not_found");
            assertThat(notFound.message()).contains("/v1/chat/completions", "base URL (without /v1)", "'gpt-x'");
            assertThat(check("llm", target(limited.url()).put("model", "m")).errorClass()).isEqualTo("rate_limited");
            assertThat(check("llm", target(failing.url()).put("model", "m")).errorClass()).isEqualTo("http_5xx");
        }
    }

    @Test
    void aKeyWithALineBreakIsRefusedBeforeAnythingIsSentAndNeverRepeated() {
        try (LocalServer server = new LocalServer(200, "")) {
            for (String kind : new String[] {"llm", "automation"}) {
                HttpCheckReport report = check(kind, target(server.url()).put("model", "m").put("api_key", KEY + "\n"));
                assertThat(report.errorClass()).isEqualTo("invalid");
                assertThat(report.message()).contains("line break").doesNotContain(KEY);
            }
            assertThat(server.received).isEmpty();
        }
    }

    @Test
    void aClosedPortIsAConnectError() throws Exception {
        HttpCheckReport report = check("llm", target("http://127.0.0.1:" + LocalServer.closedPort()).put("model", "m"));
        assertThat(report.errorClass()).isEqualTo("connect");
        assertThat(report.message()).contains("connection refused");
    }

    @Test
    void anAutomationIsOneGetOfItsBaseUrlWithItsKeyAndAnyAnswerReachesIt() {
        try (LocalServer server = new LocalServer(404, "")) {
            HttpCheckReport report = check("automation", target(server.url() + "/agents").put("provider", "custom").put("api_key", KEY));
            assertThat(report.ok()).isTrue();
            assertThat(report.status()).isEqualTo(404);
            assertThat(server.received.getFirst().method()).isEqualTo("GET");
            assertThat(server.received.getFirst().path()).isEqualTo("/agents");
            assertThat(server.received.getFirst().header("authorization")).isEqualTo("Bearer " + KEY);
        }
    }

    @Test
    void theLlmDriverChecksLlmAutomationAndGatewayTargets() {
        LlmDriverFactory factory = new LlmDriverFactory();
        JsonNode settings = target("http://127.0.0.1:1");
        assertThat(factory.check("llm", settings)).isPresent();
        assertThat(factory.check("automation", settings)).isPresent();
        assertThat(factory.check("gateway", settings)).isPresent();
        assertThat(factory.check("http", settings)).isEmpty();
        assertThat(factory.check("ingestor", settings)).isEmpty();
    }
}
