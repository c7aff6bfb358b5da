package dev.benchdeck.server.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchdeck.server.IntegrationTestSupport;
import dev.benchdeck.server.system.Json;
import dev.benchdeck.server.target.CredentialCipher;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Whatever goes wrong in a run, it ends failed with the reason, and cancel always ends a run. */
class RunFailureIntegrationTest extends IntegrationTestSupport {

    private static final String KEY = "sk-trailing-newline-5e1d";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CredentialCipher cipher;

    private static boolean ended(JsonNode run) {
        return !List.of("queued", "running").contains(run.get("status").asText());
    }

    private String mockUrl() {
        for (JsonNode target : get("/api/v1/targets").json()) {
            if (target.get("name").asText().equals("Mock LLM")) {
                return target.get("url").asText();
            }
        }
        throw new AssertionError("no demo mock LLM target");
    }

    @Test
    void anApiKeyWithATrailingNewlineEndsTheRunFailedWithAClearReasonThatNeverShowsTheKey() {
        for (String kind : List.of("llm", "automation")) {
            Map<String, Object> options = kind.equals("llm") ? Map.of("model", "mock-1") : Map.of("automation_id", "web-agent");
            String workload = kind.equals("llm") ? "{driver: llm, api: openai-chat, prompt: hi, max_tokens: 4}" : "{driver: llm}";
            long target = createTarget(Map.of("name", kind + " with a bad key", "kind", kind, "url", mockUrl(), "options", options));
            // stored as a key pasted with its newline would be (before write-time checks): straight into the store
            jdbc.sql("update targets set credentials = :secret where id = :id").param("id", target)
                    .param("secret", cipher.encrypt(Json.write(Map.of("api_key", KEY + "\n")))).update();
            Response scenario = post("/api/v1/scenarios", Json.write(Map.of("name", kind + " bad key", "target_id", target,
                    "plan_yaml", "workload: " + workload + "\nload: {users: 2, duration: 2s}\ntimeout: 5s\n")));
            assertThat(scenario.status()).as(scenario.body()).isEqualTo(201);

            long run = trigger(scenario.json().get("id").asLong());
            JsonNode failed = awaitRun(run, RunFailureIntegrationTest::ended, Duration.ofSeconds(30));
            assertThat(failed.get("status").asText()).as(failed.toString()).isEqualTo("failed");
            assertThat(failed.get("failure").asText()).contains("target.api_key", "line break");
            for (String body : List.of(get("/api/v1/runs/" + run).body(), get("/api/v1/runs/" + run + "/result").body(),
                    get("/api/v1/runs?size=50").body(), post("/api/v1/targets/" + target + "/test", null).body())) {
                assertThat(body).doesNotContain(KEY);
            }
            Response check = post("/api/v1/targets/" + target + "/test", null);
            assertThat(check.json().get("ok").asBoolean()).isFalse();
            assertThat(check.json().get("message").asText()).contains("line break");
            assertThat(post("/api/v1/runs/" + run + "/cancel", null).status()).as("it has ended").isEqualTo(409);
        }
    }

    @Test
    void aRunTaskThatThrowsAnErrorEndsFailedWithTheReasonAndTheWorkerGoesOn() {
        long failing = trigger(createScenario("throws an Error", "workload: {driver: " + ThrowingDriverFactory.NAME + "}\nload: {users: 1, duration: 1s}\n"));
        JsonNode failed = awaitRun(failing, RunFailureIntegrationTest::ended, Duration.ofSeconds(20));
        assertThat(failed.get("status").asText()).isEqualTo("failed");
        assertThat(failed.get("failure").asText()).contains("StackOverflowError");
        assertThat(failed.get("ended_at").isNull()).isFalse();

        long next = trigger(createScenario("after the Error", "workload: {driver: http, path: /hello}\nload: {users: 1, duration: 1s}\n"));
        assertThat(awaitRun(next, RunFailureIntegrationTest::ended, Duration.ofSeconds(20)).get("status").asText()).isEqualTo("completed");
    }

    @Test
    void cancelEndsARunMarkedRunningThatExecutesNowhereAtItsLastInterval() {
        long run = jdbc.sql("""
                        insert into runs (scenario_name, target_name, status, plan_yaml, created_by, started_at)
                        values ('stuck', 'somewhere', 'running', 'name: stuck', 'local', now() - interval '1 minute') returning id""")
                .query(Long.class).single();
        Instant last = Instant.now().minusSeconds(30).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        jdbc.sql("insert into run_intervals (run_id, seq, snapshot, recorded_at) values (:run, 0, '{}', :at)")
                .param("run", run).param("at", java.sql.Timestamp.from(last)).update();

        assertThat(post("/api/v1/runs/" + run + "/cancel", null).status()).isEqualTo(202);
        JsonNode cancelled = get("/api/v1/runs/" + run).json();
        assertThat(cancelled.get("status").asText()).isEqualTo("cancelled");
        assertThat(Instant.parse(cancelled.get("ended_at").asText())).isEqualTo(last);
    }
}
