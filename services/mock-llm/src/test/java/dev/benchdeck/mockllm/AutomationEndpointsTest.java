package dev.benchdeck.mockllm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchdeck.mockllm.SseClient.Event;
import dev.benchdeck.mockllm.SseClient.Recording;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AutomationEndpointsTest {

    private static final String INPUTS = """
            {"inputs":{"url":"https://example.test","query":"prices"}}""";

    private static MockLlmServer mock;
    private static SseClient client;

    @BeforeAll
    static void start() throws Exception {
        mock = MockLlmServer.start(MockLlmConfig.defaults().toBuilder().automationSteps(4).build());
        client = new SseClient(mock.baseUri());
    }

    @AfterAll
    static void stop() {
        mock.close();
    }

    @Test
    void syncRunWaitsForTheRunAndAnswersCompleted() throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = client.send("POST", "/automations/web-agent/run", INPUTS, "X-Mock-Run-Ms", "150", "X-Mock-Fault", "none");
        double tookMs = (System.nanoTime() - start) / 1e6;

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = SseClient.JSON.readTree(response.body());
        assertThat(body.path("run_id").asText()).startsWith("run_");
        assertThat(body.path("status").asText()).isEqualTo("completed");
        assertThat(body.path("duration_ms").asLong()).isEqualTo(150);
        assertThat(body.at("/result/output").asText()).isNotBlank();
        assertThat(body.at("/result/inputs/query").asText()).isEqualTo("prices");
        assertThat(tookMs).isBetween(145.0, 400.0);
    }

    @Test
    void syncRunCanFail() throws Exception {
        JsonNode body = client.json("POST", "/automations/web-agent/run", INPUTS, "X-Mock-Run-Ms", "10", "X-Mock-Fault", "failed");

        assertThat(body.path("status").asText()).isEqualTo("failed");
        assertThat(body.at("/result/error/type").asText()).isEqualTo("automation_failed");
        assertThat(body.at("/result/error/message").asText()).contains("of 4 failed");
    }

    @Test
    void defaultRunTimeIsBetween500And2000Ms() throws Exception {
        JsonNode body = client.json("POST", "/automations/quick/run", "", "X-Mock-Fault", "none");

        assertThat(body.path("duration_ms").asLong()).isBetween(500L, 2000L);
    }

    @Test
    void asyncRunIsRunningUntilDoneThenCompletedWithResult() throws Exception {
        HttpResponse<String> started = client.send("POST", "/automations/web-agent/runs", INPUTS, "X-Mock-Run-Ms", "200", "X-Mock-Fault", "none");

        assertThat(started.statusCode()).isEqualTo(202);
        JsonNode accepted = SseClient.JSON.readTree(started.body());
        assertThat(accepted.path("status").asText()).isEqualTo("running");
        String statusUrl = accepted.path("status_url").asText();
        assertThat(statusUrl).isEqualTo("/automations/runs/" + accepted.path("run_id").asText());

        JsonNode running = client.json("GET", statusUrl, null);
        assertThat(running.path("status").asText()).isEqualTo("running");
        assertThat(running.has("result")).isFalse();

        Thread.sleep(250);
        JsonNode done = client.json("GET", statusUrl, null);
        assertThat(done.path("status").asText()).isEqualTo("completed");
        assertThat(done.path("automation_id").asText()).isEqualTo("web-agent");
        assertThat(done.path("duration_ms").asLong()).isEqualTo(200);
        assertThat(done.at("/result/steps_completed").asInt()).isEqualTo(4);
    }

    @Test
    void asyncRunCanEndFailed() throws Exception {
        JsonNode accepted = client.json("POST", "/automations/web-agent/runs", "", "X-Mock-Run-Ms", "0", "X-Mock-Fault", "failed");

        JsonNode done = client.json("GET", accepted.path("status_url").asText(), null);
        assertThat(done.path("status").asText()).isEqualTo("failed");
        assertThat(done.at("/result/error/message").asText()).isNotBlank();
    }

    @Test
    void unknownRunIs404() throws Exception {
        HttpResponse<String> response = client.send("GET", "/automations/runs/run_nope", null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(SseClient.JSON.readTree(response.body()).at("/error/message").asText()).contains("run_nope");
    }

    @Test
    void sseStreamReportsEveryStepThenCompleted() throws Exception {
        Recording recording = client.post("/automations/web-agent/stream", INPUTS, "X-Mock-Run-Ms", "200", "X-Mock-Fault", "none");

        assertThat(recording.types()).containsExactly("progress", "progress", "progress", "progress", "completed");
        List<Event> events = recording.dataEvents();
        for (int step = 1; step <= 4; step++) {
            JsonNode progress = events.get(step - 1).json();
            assertThat(progress.path("step").asInt()).isEqualTo(step);
            assertThat(progress.path("total_steps").asInt()).isEqualTo(4);
            assertThat(progress.path("message").asText()).startsWith("step " + step + " of 4");
        }
        assertThat(events.get(1).atMillis() - events.get(0).atMillis()).isBetween(40.0, 60.0);
        JsonNode completed = events.get(4).json();
        assertThat(completed.path("status").asText()).isEqualTo("completed");
        assertThat(completed.at("/result/output").asText()).isNotBlank();
        assertThat(completed.path("run_id").asText()).isEqualTo(events.get(0).json().path("run_id").asText());
        assertThat(events.get(4).atMillis()).isBetween(195.0, 260.0);
    }

    @Test
    void sseStreamOfAFailedRunStopsAtTheFailingStep() throws Exception {
        Recording recording = client.post("/automations/web-agent/stream", "", "X-Mock-Run-Ms", "40", "X-Mock-Fault", "failed");

        List<String> types = recording.types();
        assertThat(types.get(types.size() - 1)).isEqualTo("failed");
        JsonNode failed = recording.dataEvents().get(types.size() - 1).json();
        int failingStep = types.size() - 1;
        assertThat(failed.at("/result/error/message").asText()).contains("step " + failingStep + " of 4");
        assertThat(failed.at("/result/steps_completed").asInt()).isEqualTo(failingStep - 1);
    }

    @Test
    void failureShareDecidesRuns() throws Exception {
        mock.updateConfig(mock.config().toBuilder().automationFailureShare(1).build());
        try {
            assertThat(client.json("POST", "/automations/a/run", "", "X-Mock-Run-Ms", "0").path("status").asText()).isEqualTo("failed");
        } finally {
            mock.updateConfig(mock.config().toBuilder().automationFailureShare(0).build());
        }
        assertThat(client.json("POST", "/automations/a/run", "", "X-Mock-Run-Ms", "0").path("status").asText()).isEqualTo("completed");
    }

    @Test
    void forcedHttpErrorsAndBadFaultNames() throws Exception {
        HttpResponse<String> limited = client.send("POST", "/automations/a/run", "", "X-Mock-Fault", "429");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        assertThat(client.send("POST", "/automations/a/runs", "", "X-Mock-Fault", "500").statusCode()).isEqualTo(500);
        assertThat(client.send("POST", "/automations/a/run", "", "X-Mock-Fault", "drop").statusCode()).isEqualTo(400);
        assertThat(client.send("POST", "/automations/a/run", "{oops", "X-Mock-Run-Ms", "0").statusCode()).isEqualTo(400);
    }
}
