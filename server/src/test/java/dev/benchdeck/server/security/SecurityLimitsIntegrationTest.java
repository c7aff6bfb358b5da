package dev.benchdeck.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchdeck.server.IntegrationTestSupport;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * A server of its own with small limits: sign-in back-off per account, the API's request rate per token, and one
 * password hashed at a time (no waiting for the slot).
 */
@TestPropertySource(properties = {"benchdeck.test.instance=limits",
        "benchdeck.security.sign-in.free-failures=3", "benchdeck.security.sign-in.first-backoff=2s",
        "benchdeck.security.sign-in.concurrent-hashes=1", "benchdeck.security.sign-in.hash-wait=0s",
        "benchdeck.security.api.requests-per-second=5", "benchdeck.security.api.burst=20"})
class SecurityLimitsIntegrationTest extends IntegrationTestSupport {

    @Test
    void failedSignInsOfOneAccountBackOffWithRetryAfterAndUnknownAccountsAlike() throws Exception {
        TestUser viewer = newUser("viewer", Role.VIEWER);
        Browser browser = new Browser(port);
        for (String user : new String[] {viewer.username(), "nobody-" + viewer.username()}) {
            for (int i = 0; i < 3; i++) {
                assertThat(browser.signIn(user, "wrong password number " + i).status()).isEqualTo(401);
            }
            assertThat(browser.signIn(user, "wrong password again").status()).as("the 4th failure starts the back-off").isEqualTo(401);
            Response limited = browser.signIn(user, "wrong password again");
            assertThat(limited.status()).as(user).isEqualTo(429);
            assertThat(limited.json().get("type").asText()).endsWith("/too-many-requests");
        }
        HttpResponse<String> raw = browser.raw(HttpRequest.newBuilder(uri("/api/v1/auth/sign-in")).header("Content-Type", "application/json")
                .header("X-XSRF-TOKEN", browser.cookie("XSRF-TOKEN").orElseThrow())
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\": \"" + viewer.username() + "\", \"password\": \"" + viewer.password() + "\"}")));
        assertThat(raw.statusCode()).as("even the right password waits").isEqualTo(429);
        assertThat(Long.parseLong(raw.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 2L);
        sleep(2100);
        assertThat(browser.signIn(viewer.username(), viewer.password()).status()).as("after the wait").isEqualTo(200);
        assertThat(browser.signIn(viewer.username(), "wrong once more").status()).as("a success cleared the failures").isEqualTo(401);
    }

    @Test
    void apiRequestsPerTokenAreLimitedWith429AndRetryAfter() throws Exception {
        TestUser viewer = newUser("viewer", Role.VIEWER);
        int limited = 0;
        String retryAfter = null;
        for (int i = 0; i < 60; i++) {
            // one client for all: a new one per request is slow enough on a busy machine for the bucket to refill meanwhile
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri("/api/v1/overview"))
                    .header("Authorization", "Bearer " + viewer.token()).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 429) {
                limited++;
                retryAfter = response.headers().firstValue("Retry-After").orElse(null);
            }
        }
        assertThat(limited).as("beyond the burst of 20").isGreaterThan(20);
        assertThat(retryAfter).isEqualTo("1");
        // another token has its own bucket
        assertThat(get("/api/v1/overview").status()).isEqualTo(200);
    }

    @Test
    void anAgentsOwnCallsHaveABucketOfTheirOwnBesideTheirTokens() throws Exception {
        TestUser editor = newUser("agents", Role.EDITOR);
        HttpResponse<String> registered = HTTP.send(HttpRequest.newBuilder(uri("/api/v1/agents"))
                .header("Authorization", "Bearer " + editor.token()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"name": "limited", "labels": {}, "cores": 1, "memory_bytes": 1, "version": "dev", "protocol": 1}""")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        long agent = dev.benchdeck.server.system.Json.read(registered.body()).get("agent_id").asLong();
        // the token's bucket spent on other calls
        int tokenLimited = 0;
        for (int i = 0; i < 60; i++) {
            tokenLimited += HTTP.send(HttpRequest.newBuilder(uri("/api/v1/overview")).header("Authorization", "Bearer " + editor.token()).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode() == 429 ? 1 : 0;
        }
        assertThat(tokenLimited).isPositive();
        // the agent's heartbeats still go through, up to a burst of their own
        int agentLimited = 0;
        int first = 0;
        for (int i = 0; i < 60; i++) {
            int status = HTTP.send(HttpRequest.newBuilder(uri("/api/v1/agents/" + agent + "/heartbeat"))
                    .header("Authorization", "Bearer " + editor.token()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"clock_offset_micros\": 0, \"round_trip_micros\": 0}")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode();
            first = i == 0 ? status : first;
            agentLimited += status == 429 ? 1 : 0;
        }
        assertThat(first).isEqualTo(200);
        assertThat(agentLimited).as("an agent's bucket is limited too").isPositive();
    }

    @Test
    void signInsBeyondTheConcurrentHashCapGet503WithRetryAfterAsProblemDetails() throws Exception {
        Browser browser = new Browser(port);
        browser.get("/api/v1/auth/state");
        String csrf = browser.cookie("XSRF-TOKEN").orElseThrow();
        int attempts = 12;
        java.util.List<java.util.concurrent.Future<HttpResponse<String>>> answers = new java.util.ArrayList<>();
        try (var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < attempts; i++) {
                // each a different unknown account: no per-account back-off, only the hashing cap can refuse
                String body = "{\"username\": \"crowd-" + i + "-" + java.util.UUID.randomUUID() + "\", \"password\": \"wrong password\"}";
                answers.add(threads.submit(() -> browser.raw(HttpRequest.newBuilder(uri("/api/v1/auth/sign-in"))
                        .header("Content-Type", "application/json").header("X-XSRF-TOKEN", csrf)
                        .POST(HttpRequest.BodyPublishers.ofString(body)))));
            }
        }
        int refused = 0;
        for (var answer : answers) {
            HttpResponse<String> response = answer.get();
            assertThat(response.statusCode()).as(response.body()).isIn(401, 503);
            if (response.statusCode() == 503) {
                refused++;
                assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
                assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
                assertThat(response.body()).contains("\"status\":503").contains("/server-busy").doesNotContain("wrong password");
            }
        }
        assertThat(refused).as("of %d sign-ins at once with one hashing slot", attempts).isPositive();
        assertThat(browser.signIn("crowd-after", "wrong password").status()).as("the slot is free afterwards").isEqualTo(401);
    }
}
