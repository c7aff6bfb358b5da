package dev.benchdeck.server.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchdeck.server.IntegrationTestSupport;
import java.net.URI;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LiveFeedIntegrationTest extends IntegrationTestSupport {

    @Test
    void aLateJoinerFirstGetsEverythingSoFarThenLiveIntervals() throws Exception {
        long scenario = createScenario("live hello", """
                workload: {driver: http, path: /delay/2}
                load: {users: 2, duration: 4s}
                """);
        long run = trigger(scenario);
        awaitRun(run, status("running"), Duration.ofSeconds(10));
        sleep(1500);

        BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
        WebSocket socket = HTTP.newWebSocketBuilder().header("Authorization", "Bearer " + adminToken())
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/api/v1/live"), new LiveMessageCollector(messages))
                .get(5, TimeUnit.SECONDS);
        socket.sendText("{\"subscribe\": " + run + "}", true).get(5, TimeUnit.SECONDS);

        JsonNode first = messages.poll(5, TimeUnit.SECONDS);
        assertThat(first).isNotNull();
        assertThat(first.get("type").asText()).isEqualTo("snapshot");
        assertThat(first.get("run").get("id").asLong()).isEqualTo(run);
        assertThat(first.get("intervals").size()).isGreaterThanOrEqualTo(1);
        double lastSeen = first.get("intervals").get(first.get("intervals").size() - 1).get("elapsed_seconds").asDouble();

        // the demo target's own telemetry comes on the same feed, between the intervals
        JsonNode next;
        do {
            next = messages.poll(3, TimeUnit.SECONDS);
            assertThat(next).isNotNull();
        } while (next.get("type").asText().equals("telemetry"));
        assertThat(next.get("type").asText()).isEqualTo("interval");
        assertThat(next.get("run_id").asLong()).isEqualTo(run);
        assertThat(next.get("interval").get("elapsed_seconds").asDouble()).isGreaterThan(lastSeen);

        JsonNode status;
        do {
            status = messages.poll(10, TimeUnit.SECONDS);
            assertThat(status).isNotNull();
        } while (!status.get("type").asText().equals("status"));
        assertThat(status.get("status").asText()).isEqualTo("completed");
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
    }

    @Test
    void subscribingToAFinishedOrUnknownRunAnswersFromTheDatabaseOrWithAnError() throws Exception {
        BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
        WebSocket socket = HTTP.newWebSocketBuilder().header("Authorization", "Bearer " + adminToken())
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/api/v1/live"), new LiveMessageCollector(messages))
                .get(5, TimeUnit.SECONDS);
        socket.sendText("{\"subscribe\": 987654}", true).get(5, TimeUnit.SECONDS);
        assertThat(messages.poll(5, TimeUnit.SECONDS).get("type").asText()).isEqualTo("error");
        socket.sendText("not json", true).get(5, TimeUnit.SECONDS);
        assertThat(messages.poll(5, TimeUnit.SECONDS).get("type").asText()).isEqualTo("error");
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
    }
}
