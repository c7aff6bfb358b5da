package dev.benchdeck.server.target;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.benchdeck.mockllm.MockLlmConfig;
import dev.benchdeck.mockllm.MockLlmServer;
import dev.benchdeck.server.IntegrationTestSupport;
import dev.benchdeck.server.system.Json;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** llm and automation targets: CRUD with a write-only API key, bad input, and the health check against the mock. */
class LlmTargetIntegrationTest extends IntegrationTestSupport {

    private static final String KEY = "sk-test-4f1c9e0a7b2d";
    private static MockLlmServer mock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TargetService targets;

    @BeforeAll
    static void startMock() throws Exception {
        mock = MockLlmServer.start(MockLlmConfig.defaults().toBuilder().ttft(5, 0).itl(1, 0).outputTokens(3, 0)
                .automationRun(20, 0).build());
    }

    @AfterAll
    static void stopMock() {
        mock.close();
    }

    private static String mockUrl() {
        return "http://127.0.0.1:" + mock.port();
    }

    @Test
    void anLlmTargetKeepsItsApiKeyEncryptedWriteOnlyAndKeptOnUpdate() {
        Map<String, Object> request = Map.of("name", "llm crud", "kind", "llm", "url", mockUrl(),
                "options", Map.of("provider", "openai-compatible", "model", "mock-1"), "credentials", Map.of("api_key", KEY));
        Response created = post("/api/v1/targets", Json.write(request));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(created.json().get("kind").asText()).isEqualTo("llm");
        assertThat(created.json().get("has_credentials").asBoolean()).isTrue();
        assertThat(created.json().get("options").get("model").asText()).isEqualTo("mock-1");
        for (String body : new String[] {created.body(), get("/api/v1/targets").body(), get("/api/v1/targets/" + id).body()}) {
            assertThat(body).doesNotContain(KEY);
        }
        byte[] stored = jdbc.sql("select credentials from targets where id = :id").param("id", id).query(byte[].class).single();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(KEY);
        assertThat(targets.secrets(id).apiKey()).isEqualTo(KEY);
        assertThat(targets.secrets(id).toString()).doesNotContain(KEY).contains("api_key=***");

        Map<String, Object> renamed = new LinkedHashMap<>(request);
        renamed.put("name", "llm crud, renamed");
        renamed.remove("credentials");
        Response kept = put("/api/v1/targets/" + id, Json.write(renamed));
        assertThat(kept.status()).as(kept.body()).isEqualTo(200);
        assertThat(kept.json().get("has_credentials").asBoolean()).isTrue();
        assertThat(targets.secrets(id).apiKey()).isEqualTo(KEY);

        renamed.put("credentials", Map.of());
        Response dropped = put("/api/v1/targets/" + id, Json.write(renamed));
        assertThat(dropped.json().get("has_credentials").asBoolean()).as("{} removes the key").isFalse();
    }

    @Test
    void badLlmAndAutomationSettingsAreReportedWithTheirPaths() {
        Response scheme = post("/api/v1/targets", """
                {"name": "bad llm", "kind": "llm", "url": "ftp://example.test"}""");
        assertThat(scheme.status()).as(scheme.body()).isEqualTo(400);
        assertThat(scheme.json().get("errors").findValuesAsText("path")).containsExactly("url");

        Response llm = post("/api/v1/targets", """
                {"name": "bad llm", "kind": "llm", "url": "http://127.0.0.1:1",
                 "options": {"provider": "openia", "model": 42, "api_key": "sk-in-the-wrong-place", "colour": "blue"},
                 "credentials": {"password": "x"}}""");
        assertThat(llm.status()).as(llm.body()).isEqualTo(422);
        assertThat(llm.json().get("errors").findValuesAsText("path"))
                .contains("options.model", "options.api_key", "credentials.password")
                .noneMatch(path -> path.startsWith("target") || path.startsWith("workload"));
        assertThat(llm.body()).doesNotContain("sk-in-the-wrong-place");

        Response provider = post("/api/v1/targets", """
                {"name": "bad llm", "kind": "llm", "url": "http://127.0.0.1:1", "options": {"provider": "openia", "colour": "blue"}}""");
        assertThat(provider.status()).as(provider.body()).isEqualTo(422);
        assertThat(provider.json().get("errors").findValuesAsText("path")).contains("options.provider", "options.colour");

        Response automation = post("/api/v1/targets", """
                {"name": "bad automation", "kind": "automation", "url": "http://127.0.0.1:1",
                 "options": {"automation_id": "has spaces/and slashes", "api": "automation-later", "inputs": [1, 2]},
                 "credentials": {"headers": {"X-Key": "v"}}}""");
        assertThat(automation.status()).as(automation.body()).isEqualTo(422);
        assertThat(automation.json().get("errors").findValuesAsText("path"))
                .contains("options.automation_id", "options.api", "options.inputs", "credentials.headers");

        Response noId = post("/api/v1/targets", """
                {"name": "no id", "kind": "automation", "url": "http://127.0.0.1:1"}""");
        assertThat(noId.json().get("errors").findValuesAsText("path")).containsExactly("options.automation_id");

        Response keyOnHttp = post("/api/v1/targets", """
                {"name": "key on http", "kind": "http", "url": "http://127.0.0.1:1", "credentials": {"api_key": "k"}}""");
        assertThat(keyOnHttp.json().get("errors").findValuesAsText("path")).containsExactly("credentials.api_key");
    }

    @Test
    void theHealthCheckStreamsOneTokenFromTheMockAndExplainsRefusedKeysMissingPathsAndClosedPorts() throws Exception {
        long good = createTarget(Map.of("name", "check llm", "kind", "llm", "url", mockUrl(),
                "options", Map.of("model", "mock-1"), "credentials", Map.of("api_key", KEY)));
        JsonNode ok = post("/api/v1/targets/" + good + "/test", null).json();
        assertThat(ok.get("ok").asBoolean()).as(ok.toString()).isTrue();
        assertThat(ok.get("status").asInt()).isEqualTo(200);
        assertThat(ok.get("millis").asDouble()).isPositive();
        assertThat(ok.get("message").asText()).contains("mock-1");

        long noModel = createTarget(Map.of("name", "check llm without model", "kind", "llm", "url", mockUrl()));
        JsonNode notFound = post("/api/v1/targets/" + noModel + "/test", null).json();
        assertThat(notFound.get("ok").asBoolean()).isFalse();
        assertThat(notFound.get("error_class").asText()).isEqualTo("not_found");
        assertThat(notFound.get("message").asText()).contains("/v1/models", "base URL");

        HttpServer refusing = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        refusing.createContext("/", exchange -> {
            byte[] body = ("{\"error\": {\"message\": \"Incorrect API key provided: " + KEY + "\"}}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(401, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        refusing.start();
        try {
            long unauthorised = createTarget(Map.of("name", "check refused key", "kind", "llm",
                    "url", "http://127.0.0.1:" + refusing.getAddress().getPort(), "options", Map.of("provider", "anthropic", "model", "claude"),
                    "credentials", Map.of("api_key", KEY)));
            Response refused = post("/api/v1/targets/" + unauthorised + "/test", null);
            assertThat(refused.json().get("ok").asBoolean()).isFalse();
            assertThat(refused.json().get("status").asInt()).isEqualTo(401);
            assertThat(refused.json().get("error_class").asText()).isEqualTo("auth");
            assertThat(refused.json().get("message").asText()).contains("API key was refused");
            assertThat(refused.body()).doesNotContain(KEY);
        } finally {
            refusing.stop(0);
        }

        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        long closed = createTarget(Map.of("name", "check closed", "kind", "llm", "url", "http://127.0.0.1:" + closedPort,
                "options", Map.of("model", "m")));
        JsonNode refusedConnection = post("/api/v1/targets/" + closed + "/test", null).json();
        assertThat(refusedConnection.get("ok").asBoolean()).isFalse();
        assertThat(refusedConnection.get("error_class").asText()).isEqualTo("connect");
        assertThat(refusedConnection.get("message").asText()).contains("connection refused");

        long automation = createTarget(Map.of("name", "check automation", "kind", "automation", "url", mockUrl(),
                "options", Map.of("automation_id", "web-agent")));
        JsonNode reached = post("/api/v1/targets/" + automation + "/test", null).json();
        assertThat(reached.get("ok").asBoolean()).as(reached.toString()).isTrue();
        assertThat(reached.get("status").asInt()).isPositive();
    }

    @Test
    void theDemoCreatedAnLlmAndAnAutomationTargetOnTheServersOwnMock() {
        JsonNode all = get("/api/v1/targets").json();
        JsonNode llm = null;
        JsonNode automation = null;
        for (JsonNode target : all) {
            if (target.get("name").asText().equals("Mock LLM")) {
                llm = target;
            } else if (target.get("name").asText().equals("Mock automation")) {
                automation = target;
            }
        }
        assertThat(llm).as(all.toString()).isNotNull();
        assertThat(automation).isNotNull();
        assertThat(llm.get("kind").asText()).isEqualTo("llm");
        assertThat(automation.get("options").get("automation_id").asText()).isEqualTo("web-agent");
        JsonNode check = post("/api/v1/targets/" + llm.get("id").asLong() + "/test", null).json();
        assertThat(check.get("ok").asBoolean()).as(check.toString()).isTrue();
        long demoScenarios = jdbc.sql("select count(*) from scenarios where name in ('LLM streaming sweep (mock)', 'Automation runs (mock)')")
                .query(Long.class).single();
        assertThat(demoScenarios).isEqualTo(2);
    }
}
