package dev.benchdeck.server.target;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.benchdeck.server.IntegrationTestSupport;
import dev.benchdeck.server.system.Json;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Issue 11's probe: stored secrets never follow a target to a new address, and no message repeats one. */
@ExtendWith(OutputCaptureExtension.class)
class TargetSecretsIntegrationTest extends IntegrationTestSupport {

    private static final String HEADER_SECRET = "Bearer hdr-s3cret-0001";
    private static final String API_KEY = "sk-s3cret-api-key-0002";

    @Autowired
    JdbcClient jdbc;

    private HttpServer original;
    private HttpServer attacker;
    private final List<String> seenByOriginal = new CopyOnWriteArrayList<>();
    private final List<String> seenByAttacker = new CopyOnWriteArrayList<>();

    @BeforeEach
    void listeners() throws Exception {
        original = listener(seenByOriginal);
        attacker = listener(seenByAttacker);
    }

    @AfterEach
    void stop() {
        original.stop(0);
        attacker.stop(0);
    }

    /** A local HTTP server that answers 200 to everything and keeps every request's headers as text. */
    private static HttpServer listener(List<String> seen) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            seen.add(exchange.getRequestURI() + " " + exchange.getRequestHeaders());
            exchange.getRequestBody().readAllBytes();
            byte[] body = "{\"data\": []}".getBytes();
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }

    private String at(HttpServer server) {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Test
    void movingAnHttpTargetDropsItsHeadersSoTheTestSendsThemNowhereElse() {
        long id = createTarget(Map.of("name", "moving http", "url", at(original) + "/api",
                "credentials", Map.of("headers", Map.of("Authorization", HEADER_SECRET))));
        Response renamed = put("/api/v1/targets/" + id, Json.write(Map.of("name", "moving http, renamed", "url", at(original) + "/api")));
        assertThat(renamed.json().get("has_credentials").asBoolean()).as("same address: kept").isTrue();

        Response moved = put("/api/v1/targets/" + id, Json.write(Map.of("name", "moving http", "url", at(attacker) + "/api")));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.json().get("has_credentials").asBoolean()).as("new address: dropped").isFalse();
        Response test = post("/api/v1/targets/" + id + "/test", null);
        assertThat(test.json().get("ok").asBoolean()).as(test.body()).isTrue();
        assertThat(seenByAttacker).hasSize(1);
        assertThat(String.join("\n", seenByAttacker)).doesNotContain("hdr-s3cret");

        Response again = put("/api/v1/targets/" + id, Json.write(Map.of("name", "moving http", "url", at(attacker) + "/api",
                "credentials", Map.of("headers", Map.of("Authorization", HEADER_SECRET)))));
        assertThat(again.json().get("has_credentials").asBoolean()).as("given again: stored").isTrue();
    }

    @Test
    void theChecksOfHttpAndLlmTargetsSendTheirStoredSecretsToTheirOwnAddressAndAnswerWithoutThem() {
        long http = createTarget(Map.of("name", "checked http", "url", at(original) + "/api",
                "credentials", Map.of("headers", Map.of("Authorization", HEADER_SECRET))));
        Response httpCheck = post("/api/v1/targets/" + http + "/test", null);
        assertThat(httpCheck.json().get("ok").asBoolean()).as(httpCheck.body()).isTrue();
        assertThat(httpCheck.body()).doesNotContain("hdr-s3cret");
        assertThat(String.join("\n", seenByOriginal)).contains("/api").contains(HEADER_SECRET);

        seenByOriginal.clear();
        long llm = createTarget(Map.of("name", "checked llm", "kind", "llm", "url", at(original),
                "options", Map.of("model", "default-model-7"), "credentials", Map.of("api_key", API_KEY)));
        Response llmCheck = post("/api/v1/targets/" + llm + "/test", null);
        assertThat(llmCheck.json().get("message").asText()).as(llmCheck.body()).contains("default-model-7");
        assertThat(llmCheck.body()).doesNotContain(API_KEY);
        assertThat(String.join("\n", seenByOriginal)).contains("/v1/chat/completions").contains("Bearer " + API_KEY);
        assertThat(seenByAttacker).isEmpty();
    }

    @Test
    void movingAnLlmTargetOrChangingItsKindDropsItsKey() {
        Map<String, Object> llm = Map.of("name", "moving llm", "kind", "llm", "url", at(original), "credentials", Map.of("api_key", API_KEY));
        long id = createTarget(llm);
        Response moved = put("/api/v1/targets/" + id, Json.write(Map.of("name", "moving llm", "kind", "llm", "url", at(attacker))));
        assertThat(moved.json().get("has_credentials").asBoolean()).isFalse();
        post("/api/v1/targets/" + id + "/test", null);
        assertThat(seenByAttacker).isNotEmpty();
        assertThat(String.join("\n", seenByAttacker)).doesNotContain(API_KEY);

        long other = createTarget(Map.of("name", "kind change", "kind", "automation", "url", at(attacker),
                "options", Map.of("automation_id", "a1"), "credentials", Map.of("api_key", API_KEY)));
        Response toLlm = put("/api/v1/targets/" + other, Json.write(Map.of("name", "kind change", "kind", "llm", "url", at(attacker))));
        assertThat(toLlm.json().get("has_credentials").asBoolean()).isFalse();
    }

    @Test
    void movingAPostgresTargetDropsItsPassword() {
        Map<String, Object> options = Map.of("host", "127.0.0.1", "port", 5999, "database", "postgres", "user", "bench", "sslmode", "disable");
        long id = createTarget(Map.of("name", "moving pg", "kind", "postgres", "options", options, "credentials", Map.of("password", "pw-s3cret")));
        Response user = put("/api/v1/targets/" + id, Json.write(Map.of("name", "moving pg", "kind", "postgres",
                "options", Map.of("host", "127.0.0.1", "port", 5999, "database", "postgres", "user", "other", "sslmode", "disable"))));
        assertThat(user.json().get("has_credentials").asBoolean()).as("same server: kept").isTrue();
        for (Map.Entry<String, Object> change : Map.<String, Object>of("host", "127.0.0.2", "port", 6000, "database", "elsewhere").entrySet()) {
            put("/api/v1/targets/" + id, Json.write(Map.of("name", "moving pg", "kind", "postgres", "options", options,
                    "credentials", Map.of("password", "pw-s3cret"))));
            Map<String, Object> movedOptions = new java.util.HashMap<>(options);
            movedOptions.put(change.getKey(), change.getValue());
            Response moved = put("/api/v1/targets/" + id, Json.write(Map.of("name", "moving pg", "kind", "postgres", "options", movedOptions)));
            assertThat(moved.json().get("has_credentials").asBoolean()).as(change.getKey()).isFalse();
        }
    }

    @Test
    void lineBreaksAndNulsInHeadersAndKeysAreRefusedWithoutRepeatingThem(CapturedOutput output) {
        Response header = post("/api/v1/targets", Json.write(Map.of("name", "crlf", "url", at(original),
                "credentials", Map.of("headers", Map.of("X-Key", "v4lue-s3cret\r\nX-Injected: 1")))));
        assertThat(header.status()).as(header.body()).isEqualTo(400);
        assertThat(header.json().get("errors").findValuesAsText("path")).containsExactly("credentials.headers[X-Key]");
        assertThat(header.body()).doesNotContain("v4lue-s3cret");

        Response name = post("/api/v1/targets", Json.write(Map.of("name", "crlf name", "url", at(original),
                "credentials", Map.of("headers", Map.of("X-Key\nX-Other", "v")))));
        assertThat(name.status()).isEqualTo(400);
        assertThat(name.json().get("errors").findValuesAsText("path")).containsExactly("credentials.headers[X-Key\\u000aX-Other]");

        Response key = post("/api/v1/targets", Json.write(Map.of("name", "crlf key", "kind", "llm", "url", at(original),
                "credentials", Map.of("api_key", "sk-line-br3ak\n"))));
        assertThat(key.status()).as(key.body()).isEqualTo(400);
        assertThat(key.json().get("errors").findValuesAsText("path")).containsExactly("credentials.api_key");
        Response nul = post("/api/v1/targets", Json.write(Map.of("name", "nul key", "kind", "postgres",
                "options", Map.of("host", "h", "database", "d", "user", "u", "lakebase", Map.of("workspace_url", "https://w.example", "instance", "i")),
                "credentials", Map.of("lakebase", Map.of("token", "t0ken\u0000x")))));
        assertThat(nul.status()).as(nul.body()).isEqualTo(400);
        assertThat(nul.json().get("errors").findValuesAsText("path")).containsExactly("credentials.lakebase.token");
        assertThat(key.body() + nul.body() + output.getAll()).doesNotContain("sk-line-br3ak").doesNotContain("t0ken");
    }

    @Test
    void urlsWithUserInfoAreRefused() {
        for (String url : List.of("http://user:pa55@127.0.0.1:9/", "https://user@example.test/v1", "http://a:b@[::1]:9/x")) {
            Response response = post("/api/v1/targets", Json.write(Map.of("name", "userinfo", "url", url)));
            assertThat(response.status()).as(url + " " + response.body()).isEqualTo(400);
            assertThat(response.json().get("errors").findValuesAsText("path")).containsExactly("url");
            assertThat(response.body()).doesNotContain("pa55");
        }
        long id = createTarget(Map.of("name", "plain", "url", "http://127.0.0.1:9/"));
        // one stored before the rule: never shown with its user info
        jdbc.sql("update targets set url = 'http://old:pa55@127.0.0.1:9/' where id = :id").param("id", id).update();
        assertThat(get("/api/v1/targets/" + id).json().get("url").asText()).isEqualTo("http://127.0.0.1:9/");
        assertThat(get("/api/v1/targets").body()).doesNotContain("pa55");
    }

    @Test
    void onlyPrefixedEnvironmentVariablesMayHoldSecrets() {
        Map<String, Object> pg = Map.of("host", "127.0.0.1", "database", "postgres", "user", "bench", "password_env", "HOME");
        Response home = post("/api/v1/targets", Json.write(Map.of("name", "env pg", "kind", "postgres", "options", pg)));
        assertThat(home.status()).as(home.body()).isEqualTo(422);
        assertThat(home.json().get("errors").findValuesAsText("path")).containsExactly("options.password_env");
        assertThat(home.body()).contains("BENCHDECK_SECRET_");

        Response llm = post("/api/v1/targets", Json.write(Map.of("name", "env llm", "kind", "llm", "url", at(original),
                "options", Map.of("api_key_env", "AWS_SECRET_ACCESS_KEY"))));
        assertThat(llm.status()).as(llm.body()).isEqualTo(422);
        assertThat(llm.json().get("errors").findValuesAsText("path")).containsExactly("options.api_key_env");

        Map<String, Object> prefixed = Map.of("host", "127.0.0.1", "database", "postgres", "user", "bench", "password_env", "BENCHDECK_SECRET_PG");
        Response allowed = post("/api/v1/targets", Json.write(Map.of("name", "env pg ok", "kind", "postgres", "options", prefixed)));
        assertThat(allowed.status()).as(allowed.body()).isEqualTo(201);
    }

    @Test
    void theAuditLogNamesTargetChangesButNeverTheirSecrets() {
        long id = createTarget(Map.of("name", "audited pg", "kind", "postgres",
                "options", Map.of("host", "127.0.0.1", "database", "postgres", "user", "bench"),
                "credentials", Map.of("password", "pg-pa55word-0003")));
        long llm = createTarget(Map.of("name", "audited llm", "kind", "llm", "url", at(original), "credentials", Map.of("api_key", API_KEY)));
        put("/api/v1/targets/" + llm, Json.write(Map.of("name", "audited llm 2", "kind", "llm", "url", at(original),
                "credentials", Map.of("api_key", API_KEY + "-new"))));
        assertThat(send(java.net.http.HttpRequest.newBuilder(uri("/api/v1/targets/" + llm)).DELETE()).status()).isEqualTo(204);

        List<String> rows = jdbc.sql("select concat_ws('|', actor_name, action, object_type, object_id, address, detail) from audit_log")
                .query(String.class).list();
        assertThat(String.join("\n", rows)).doesNotContain("pg-pa55word").doesNotContain("s3cret-api-key");
        JsonNode created = get("/api/v1/audit?action=target_created&limit=1000").json();
        assertThat(created.get("items").findValuesAsText("object_id")).contains(String.valueOf(id), String.valueOf(llm));
        assertThat(get("/api/v1/audit?action=target_deleted").json().get("items").findValuesAsText("object_id")).contains(String.valueOf(llm));
        assertThat(get("/api/v1/audit?action=target_updated").json().get("items").get(0).get("address").asText()).isEqualTo("127.0.0.1");
    }
}
