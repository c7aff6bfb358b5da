package dev.benchdeck.server.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchdeck.gateway.GatewayServer;
import dev.benchdeck.gateway.config.GatewayConfig;
import dev.benchdeck.server.IntegrationTestSupport;
import dev.benchdeck.server.security.Role;
import dev.benchdeck.server.system.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Gateway targets: the connection check, status over the live feed, runtime config through the server, and a gateway gone away. */
class GatewayTargetIntegrationTest extends IntegrationTestSupport {

    private static final String TOKEN = "gateway-it-admin-token-1a2b3c4d";
    private static GatewayServer gateway;

    @BeforeAll
    static void startGateway() throws Exception {
        gateway = GatewayServer.start(GatewayConfig.builder().port(0).adminToken(TOKEN).build());
    }

    @AfterAll
    static void stopGateway() {
        gateway.close();
    }

    private long gatewayTarget(String name, String url, String token) {
        return createTarget(Map.of("name", name, "kind", "gateway", "url", url, "credentials", Map.of("admin_token", token)));
    }

    @Test
    void aGatewayTargetKeepsItsAdminTokenToItselfAndItsCheckTriesHealthAndTheAdminApi() {
        long target = gatewayTarget("checked gateway", gateway.baseUri().toString(), TOKEN);
        assertThat(get("/api/v1/targets").body()).doesNotContain(TOKEN);
        JsonNode ok = post("/api/v1/targets/" + target + "/test", null).json();
        assertThat(ok.get("ok").asBoolean()).as(ok.toString()).isTrue();
        assertThat(ok.get("health").asText()).isEqualTo("ok");
        assertThat(ok.toString()).doesNotContain(TOKEN);

        long wrong = gatewayTarget("wrong token gateway", gateway.baseUri().toString(), "not-the-admin-token-0000");
        JsonNode refused = post("/api/v1/targets/" + wrong + "/test", null).json();
        assertThat(refused.get("ok").asBoolean()).isFalse();
        assertThat(refused.get("error_class").asText()).isEqualTo("auth");
    }

    @Test
    void aGatewayTargetWithOptionsOrAnotherKindsSecretIsRefusedWithPaths() {
        Response options = post("/api/v1/targets", Json.write(Map.of("name", "g", "kind", "gateway", "url", gateway.baseUri().toString(),
                "options", Map.of("model", "x"))));
        assertThat(options.status()).as(options.body()).isEqualTo(422);
        assertThat(options.json().get("errors").findValuesAsText("path")).contains("options.model");
        Response apiKey = post("/api/v1/targets", Json.write(Map.of("name", "g", "kind", "gateway", "url", gateway.baseUri().toString(),
                "credentials", Map.of("api_key", "sk-123456789"))));
        assertThat(apiKey.status()).isEqualTo(422);
        assertThat(apiKey.json().get("errors").findValuesAsText("path")).contains("credentials.api_key");
        Response token = post("/api/v1/targets", Json.write(Map.of("name", "h", "kind", "http", "url", gateway.baseUri().toString(),
                "credentials", Map.of("admin_token", TOKEN))));
        assertThat(token.status()).isEqualTo(422);
        assertThat(token.json().get("errors").findValuesAsText("path")).contains("credentials.admin_token");
        assertThat(token.body()).doesNotContain(TOKEN);
    }

    @Test
    void badConfigValuesComeBackWithTheGatewaysPathsAndNothingIsApplied() {
        long target = gatewayTarget("config gateway", gateway.baseUri().toString(), TOKEN);
        JsonNode before = get("/api/v1/targets/" + target + "/gateway/config").json();
        assertThat(before.get("enable_caching").asBoolean()).as(before.toString()).isTrue();

        Response bad = put("/api/v1/targets/" + target + "/gateway/config", """
                {"enable_caching": false, "max_concurrent_connections": 0, "queue_type": "disk",
                 "rate_limit": {"requests_per_minute": -5}}""");
        assertThat(bad.status()).as(bad.body()).isEqualTo(422);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(bad.json().get("errors").findValuesAsText("path"))
                .contains("max_concurrent_connections", "queue_type", "rate_limit.requests_per_minute");
        assertThat(get("/api/v1/targets/" + target + "/gateway/config").json()).isEqualTo(before);
        assertThat(gateway.settings().enableCaching()).isTrue();

        Response good = put("/api/v1/targets/" + target + "/gateway/config", "{\"enable_caching\": false, \"heartbeat_interval_ms\": 5000}");
        assertThat(good.status()).as(good.body()).isEqualTo(200);
        assertThat(good.json().get("enable_caching").asBoolean()).isFalse();
        assertThat(good.json().get("heartbeat_interval_ms").asLong()).isEqualTo(5000);
        assertThat(gateway.settings().enableCaching()).isFalse();
        assertThat(put("/api/v1/targets/" + target + "/gateway/config", "{\"enable_caching\": true}").status()).isEqualTo(200);

        assertThat(put("/api/v1/targets/" + target + "/gateway/config", "[1]").status()).isEqualTo(400);
        assertThat(get("/api/v1/targets/" + demoTargetId() + "/gateway/config").status()).isEqualTo(422);
        assertThat(get("/api/v1/targets/987654321/gateway/config").status()).isEqualTo(404);
    }

    @Test
    void onlyItsCreatorOrAnAdminChangesAGatewaysConfigAndTheChangeIsAudited() {
        long target = gatewayTarget("owned gateway", gateway.baseUri().toString(), TOKEN);
        TestUser editor = newUser("gw-editor", Role.EDITOR);
        TestUser viewer = newUser("gw-viewer", Role.VIEWER);
        assertThat(as(viewer, "GET", "/api/v1/targets/" + target + "/gateway/config", null).status()).isEqualTo(200);
        assertThat(as(viewer, "PUT", "/api/v1/targets/" + target + "/gateway/config", "{\"enable_caching\": true}").status()).isEqualTo(403);
        assertThat(as(editor, "PUT", "/api/v1/targets/" + target + "/gateway/config", "{\"enable_caching\": true}").status()).isEqualTo(403);

        long heartbeat = get("/api/v1/targets/" + target + "/gateway/config").json().get("heartbeat_interval_ms").asLong();
        Response changed = put("/api/v1/targets/" + target + "/gateway/config", "{\"heartbeat_interval_ms\": 4000}");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        JsonNode entry = get("/api/v1/audit?action=gateway_config_updated").json().get("items").get(0);
        assertThat(entry.get("object_id").asText()).isEqualTo(String.valueOf(target));
        assertThat(entry.toString()).contains("heartbeat_interval_ms").doesNotContain(TOKEN);
        put("/api/v1/targets/" + target + "/gateway/config", "{\"heartbeat_interval_ms\": " + heartbeat + "}");
    }

    private Response as(TestUser user, String method, String path, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + user.token()).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)));
    }

    @Test
    void theLiveFeedPushesTheStatusOfAWatchedGatewayAndDisconnectedWhenItIsGone() throws Exception {
        long live = gatewayTarget("watched gateway", gateway.baseUri().toString(), TOKEN);
        GatewayServer doomed = GatewayServer.start(GatewayConfig.builder().port(0).adminToken(TOKEN).build());
        long gone = gatewayTarget("doomed gateway", doomed.baseUri().toString(), TOKEN);
        doomed.close();

        BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().header("Authorization", "Bearer " + newUser("watcher", Role.VIEWER).token())
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/api/v1/live"), new LiveCollector(messages)).get(5, TimeUnit.SECONDS);
        socket.sendText("{\"watch_gateway\": " + live + "}", true).get(5, TimeUnit.SECONDS);
        socket.sendText("{\"watch_gateway\": " + gone + "}", true).get(5, TimeUnit.SECONDS);

        List<JsonNode> liveStatus = new ArrayList<>();
        List<JsonNode> goneStatus = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline && (liveStatus.size() < 3 || goneStatus.size() < 2)) {
            JsonNode m = messages.poll(1, TimeUnit.SECONDS);
            if (m != null && m.get("type").asText().equals("gateway")) {
                (m.get("target_id").asLong() == live ? liveStatus : goneStatus).add(m.get("gateway"));
            }
        }
        assertThat(liveStatus.get(0).get("status").asText()).isEqualTo("checking");
        assertThat(liveStatus.get(2).get("status").asText()).isEqualTo("connected");
        assertThat(liveStatus.get(2).get("health").get("providers").has("fake")).isTrue();
        assertThat(liveStatus.get(2).get("stats").get("stages").has("streaming")).isTrue();
        assertThat(goneStatus.get(1).get("status").asText()).isEqualTo("disconnected");
        assertThat(goneStatus.get(1).get("error").asText()).contains("cannot reach");
        assertThat(liveStatus.toString() + goneStatus).doesNotContain(TOKEN);
        assertThat(get("/api/v1/targets/" + gone + "/gateway/status").json().get("status").asText()).isEqualTo("disconnected");

        socket.sendText("{\"unwatch_gateway\": " + live + "}", true).get(5, TimeUnit.SECONDS);
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
    }

    @Test
    void aRunCompletesWhenTheGatewaysAdminApiRefusesItsTelemetry() {
        long target = gatewayTarget("no admin gateway", gateway.baseUri().toString(), "not-the-admin-token-0000");
        Response scenario = post("/api/v1/scenarios", Json.write(Map.of("name", "gateway without telemetry", "target_id", target, "plan_yaml", """
                workload: {driver: llm, api: gateway, prompt: 'hi there', max_tokens: 8}
                load: {model: closed, users: 2, warmup: 0s, duration: 2s}
                timeout: 20s
                """)));
        assertThat(scenario.status()).as(scenario.body()).isEqualTo(201);
        long run = trigger(scenario.json().get("id").asLong());
        JsonNode done = awaitRun(run, r -> !List.of("queued", "running").contains(r.get("status").asText()), Duration.ofSeconds(40));
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("completed");
        assertThat(done.get("steps").get(0).get("errors").asLong()).as(done.toString()).isZero();
        assertThat(get("/api/v1/runs/" + run + "/telemetry").json().size()).isZero();
    }
}
