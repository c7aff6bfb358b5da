package dev.benchdeck.mockllm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.benchdeck.mockllm.SseClient.Event;
import dev.benchdeck.mockllm.SseClient.Recording;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** With no jitter the timing model is exact: measured at the client, not just computed on the server. */
class TimingAccuracyTest {

    private static final String CHAT = """
            {"model":"m","stream":true,"messages":[{"role":"user","content":"hi"}]}""";
    private static final String MESSAGES = """
            {"model":"m","max_tokens":100,"stream":true,"messages":[{"role":"user","content":"hi"}]}""";

    private static MockLlmServer mock;
    private static SseClient client;

    @BeforeAll
    static void start() throws Exception {
        mock = MockLlmServer.start(MockLlmConfig.defaults().toBuilder().ttft(200, 0).itl(20, 0).outputTokens(30, 0).build());
        client = new SseClient(mock.baseUri());
        // warm-up: connection, JIT and class loading out of the measured requests
        for (int i = 0; i < 3; i++) {
            client.post("/v1/chat/completions", CHAT, "X-Mock-TTFT-Ms", "0", "X-Mock-ITL-Ms", "0");
            client.post("/v1/messages", MESSAGES, "X-Mock-TTFT-Ms", "0", "X-Mock-ITL-Ms", "0");
        }
    }

    @AfterAll
    static void stop() {
        mock.close();
    }

    @Test
    void openAiFirstTokenAt200MsThenEvery20MsWithoutDrift() throws Exception {
        List<Event> content = client.post("/v1/chat/completions", CHAT).dataEvents().stream()
                .filter(e -> e.data().contains("\"content\":\" ")).toList();

        assertTiming(content);
    }

    @Test
    void anthropicFirstTokenAt200MsThenEvery20MsWithoutDrift() throws Exception {
        List<Event> content = client.post("/v1/messages", MESSAGES).dataEvents().stream()
                .filter(e -> e.type().equals("content_block_delta")).toList();

        assertTiming(content);
    }

    @Test
    void theRoleChunkComesAtOnceAndTheFirstTokenAtTtft() throws Exception {
        Recording recording = client.post("/v1/chat/completions", CHAT, "X-Mock-TTFT-Ms", "100", "X-Mock-Tokens", "1");

        assertThat(recording.dataEvents().get(0).atMillis()).isLessThan(20);
        assertThat(recording.dataEvents().get(1).atMillis()).isBetween(99.0, 140.0);
    }

    private static void assertTiming(List<Event> content) {
        assertThat(content).hasSize(30);
        // never early; late by scheduling noise at most (a loaded CI box): exact figures are in the benchmark
        assertThat(content.get(0).atMillis()).isBetween(199.0, 240.0);
        List<Double> gaps = new ArrayList<>();
        for (int i = 1; i < content.size(); i++) {
            gaps.add(content.get(i).atMillis() - content.get(i - 1).atMillis());
        }
        Collections.sort(gaps);
        assertThat(gaps.get(gaps.size() / 2)).isCloseTo(20, within(1.0));
        // absolute deadlines: the 30th token is due 29 × 20 ms after the first, however late single writes were
        assertThat(content.get(29).atMillis() - content.get(0).atMillis()).isCloseTo(580, within(15.0));
    }
}
