package dev.benchdeck.driver.llm.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchdeck.engine.driver.ErrorClasses;
import dev.benchdeck.engine.driver.Outcome;
import dev.benchdeck.engine.driver.Timings;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StreamCollectorTest {

    private static final long MS = 1_000_000L;

    private static void feed(StreamCollector c, String text, long atMs) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        c.bytes(b, 0, b.length, atMs * MS);
    }

    private static String chunk(String content) {
        return "data: {\"choices\":[{\"delta\":{\"content\":\"" + content + "\"}}]}\n\n";
    }

    @Test
    void contentEventsAreTimedWhenTheirLastByteArrives() {
        StreamCollector c = new StreamCollector(OpenAiFormat.chat(), true, 0);
        feed(c, "data: {\"choices\":[{\"delta\":{\"role\":\"assistant\"}}]}\n\n", 150);
        feed(c, chunk("a"), 200);
        String second = chunk("b");
        feed(c, second.substring(0, 10), 215); // half an event: not an event yet
        feed(c, second.substring(10), 220);
        feed(c, chunk("c") + "data: {\"choices\":[],\"usage\":{\"completion_tokens\":3}}\n\ndata: [DONE]\n\n", 250);
        Outcome outcome = c.outcome(251 * MS, Timings.NONE, null, null);

        assertThat(outcome).isInstanceOf(Outcome.Success.class);
        assertThat(outcome.timings().firstByte()).isEqualTo(150 * MS);
        assertThat(outcome.eventTimes()).containsExactly(150 * MS, 200 * MS, 220 * MS, 250 * MS, 250 * MS, 250 * MS);
        assertThat(outcome.stream().ttftNanos()).hasValue(200 * MS);
        assertThat(outcome.stream().itlNanos()).containsExactly(20 * MS, 30 * MS);
        assertThat(outcome.stream().outputTokens()).isEqualTo(3);
        assertThat(outcome.stream().tokenSource().name()).isEqualTo("USAGE");
    }

    @Test
    void anInStreamErrorFailsTheRequestButKeepsWhatArrived() {
        StreamCollector c = new StreamCollector(OpenAiFormat.chat(), true, 0);
        feed(c, chunk("a") + "data: {\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\"}}\n\n", 100);
        Outcome outcome = c.outcome(100 * MS, Timings.NONE, null, null);
        assertThat(outcome).isInstanceOfSatisfying(Outcome.Failure.class, f -> {
            assertThat(f.errorClass()).isEqualTo(StreamCollector.STREAM_ERROR);
            assertThat(f.message()).isEqualTo("error in the stream: server_error: overloaded");
        });
        assertThat(outcome.stream().outputTokens()).isEqualTo(1);
    }

    @Test
    void aChunkThatDoesNotParseIsAProtocolError() {
        StreamCollector c = new StreamCollector(OpenAiFormat.chat(), true, 0);
        feed(c, "data: {not json\n\n" + chunk("late"), 100);
        Outcome outcome = c.outcome(100 * MS, Timings.NONE, null, null);
        assertThat(outcome).isInstanceOfSatisfying(Outcome.Failure.class, f -> {
            assertThat(f.errorClass()).isEqualTo(ErrorClasses.PROTOCOL);
            assertThat(f.message()).startsWith("malformed openai-chat stream: a chunk is not JSON");
        });
        assertThat(outcome.stream().contentEvents()).isEmpty();
    }

    @Test
    void aStreamThatClosesBeforeItsEndMarkerIsIncomplete() {
        StreamCollector c = new StreamCollector(new AnthropicFormat(), true, 0);
        feed(c, "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"delta\":{\"text\":\"x\"}}\n\n", 10);
        Outcome outcome = c.outcome(20 * MS, Timings.NONE, null, null);
        assertThat(outcome).isInstanceOfSatisfying(Outcome.Failure.class, f -> {
            assertThat(f.errorClass()).isEqualTo(StreamCollector.STREAM_INCOMPLETE);
            assertThat(f.message()).contains("anthropic", "after 1 events");
        });
    }

    @Test
    void aTimeoutCutsTheStreamWithItsOwnClass() {
        StreamCollector c = new StreamCollector(OpenAiFormat.chat(), true, 0);
        feed(c, chunk("a"), 10);
        Outcome outcome = c.outcome(5000 * MS, Timings.NONE, ErrorClasses.TIMEOUT, "stream not finished within 5000 ms");
        assertThat(outcome).isInstanceOfSatisfying(Outcome.Failure.class, f -> {
            assertThat(f.errorClass()).isEqualTo(ErrorClasses.TIMEOUT);
            assertThat(f.message()).isEqualTo("stream not finished within 5000 ms after 1 events");
        });
    }

    @Test
    void genericSseWithoutAnEndEventEndsAtTheClose() {
        StreamCollector c = new StreamCollector(new GenericSseFormat(null, Set.of()), false, 0);
        feed(c, "data: one\n\ndata: two\n\n", 10);
        Outcome outcome = c.outcome(30 * MS, Timings.NONE, null, null);
        assertThat(outcome).isInstanceOf(Outcome.Success.class);
        assertThat(outcome.stream().outputTokens()).isEqualTo(2);
        assertThat(outcome.stream().tokenSource().name()).isEqualTo("COUNTED");
    }

    @Test
    void nothingAfterTheEndMarkerCounts() {
        StreamCollector c = new StreamCollector(OpenAiFormat.chat(), true, 0);
        feed(c, chunk("a") + "data: [DONE]\n\n" + chunk("ghost"), 10);
        assertThat(c.finished()).isTrue();
        assertThat(c.outcome(10 * MS, Timings.NONE, null, null).stream().contentEvents()).hasSize(1);
    }
}
