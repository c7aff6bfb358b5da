package dev.benchdeck.driver.llm.sse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseParserTest {

    /** Collects what the parser reports, comments as "#text" and retries as "retry=n". */
    private static final class Recorder implements SseParser.Listener {
        final List<String> seen = new ArrayList<>();

        @Override
        public void event(SseEvent event) {
            seen.add(event.type() + "|" + event.data() + "|" + event.lastEventId());
        }

        @Override
        public void comment(String text) {
            seen.add("#" + text);
        }

        @Override
        public void retry(long millis) {
            seen.add("retry=" + millis);
        }
    }

    private static List<String> parse(byte[]... chunks) {
        Recorder recorder = new Recorder();
        SseParser parser = new SseParser(recorder);
        for (byte[] chunk : chunks) {
            parser.feed(chunk);
        }
        parser.end();
        return recorder.seen;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** An OpenAI-style stream with a heartbeat, multi-line data, CRLF and CR line ends and non-ASCII text. */
    private static final String RECORDED = ": ping\r\n"
            + "data: {\"choices\":[{\"delta\":{\"content\":\"Grüße \"}}]}\n\n"
            + "event: progress\r\nid: 7\r\ndata: line one\r\ndata: line two\r\n\r\n"
            + "data: 日本語 ✓ 🚀\r\r"
            + "retry: 1500\n"
            + "data: [DONE]\n\n";

    private static final List<String> EXPECTED = List.of(
            "#ping",
            "message|{\"choices\":[{\"delta\":{\"content\":\"Grüße \"}}]}|",
            "progress|line one\nline two|7",
            "message|日本語 ✓ 🚀|7",
            "retry=1500",
            "message|[DONE]|7");

    @Test
    void aRecordedStreamParsesTheSameWhereverItIsSplit() {
        byte[] all = utf8(RECORDED);
        assertThat(parse(all)).containsExactlyElementsOf(EXPECTED);
        for (int cut = 0; cut <= all.length; cut++) {
            byte[] a = java.util.Arrays.copyOfRange(all, 0, cut);
            byte[] b = java.util.Arrays.copyOfRange(all, cut, all.length);
            assertThat(parse(a, b)).as("split at byte %d", cut).containsExactlyElementsOf(EXPECTED);
        }
    }

    @Test
    void byteAtATimeIncludingEveryUtf8ContinuationByte() {
        byte[] all = utf8(RECORDED);
        byte[][] single = new byte[all.length][];
        for (int i = 0; i < all.length; i++) {
            single[i] = new byte[] {all[i]};
        }
        assertThat(parse(single)).containsExactlyElementsOf(EXPECTED);
    }

    @Test
    void severalEventsInOneRead() {
        assertThat(parse(utf8("data: a\n\ndata: b\n\ndata: c\n\n")))
                .containsExactly("message|a|", "message|b|", "message|c|");
    }

    @Test
    void crlfSplitBetweenReadsEndsOneLineOnly() {
        // were the LF taken as a second line end, "data: x\r" + "\n" would dispatch early and drop y
        assertThat(parse(utf8("data: x\r"), utf8("\ndata: y\r\n\r\n"))).containsExactly("message|x\ny|");
    }

    @Test
    void fieldRulesFollowTheStandard() {
        assertThat(parse(utf8("data:no space\n\n"))).containsExactly("message|no space|");
        assertThat(parse(utf8("data:  two spaces\n\n"))).containsExactly("message| two spaces|");
        assertThat(parse(utf8("data\n\n"))).containsExactly("message||");
        assertThat(parse(utf8("data:\ndata:\n\n"))).containsExactly("message|\n|");
        assertThat(parse(utf8("event: only a type\n\ndata: x\n\n"))).containsExactly("message|x|");
        assertThat(parse(utf8("id: 1\0\ndata: x\n\n"))).containsExactly("message|x|");
        assertThat(parse(utf8("retry: 12a\nretry: 99999999999999999999999\ndata: x\n\n"))).containsExactly("message|x|");
        assertThat(parse(utf8("unknown: field\nDATA: upper\ndata: x\n\n"))).containsExactly("message|x|");
        assertThat(parse(utf8(":\n: heartbeat\n"))).containsExactly("#", "#heartbeat");
    }

    @Test
    void anEventNotEndedByABlankLineIsDiscardedAtTheEnd() {
        assertThat(parse(utf8("data: complete\n\ndata: cut off\n"))).containsExactly("message|complete|");
        assertThat(parse(utf8("data: no newline at all"))).isEmpty();
    }

    @Test
    void aLeadingByteOrderMarkIsSkippedEvenWhenSplit() {
        byte[] withBom = utf8("\uFEFFdata: x\n\n");
        assertThat(parse(withBom)).containsExactly("message|x|");
        assertThat(parse(new byte[] {withBom[0]}, java.util.Arrays.copyOfRange(withBom, 1, withBom.length)))
                .containsExactly("message|x|");
        // a BOM later in the stream is data
        assertThat(parse(utf8("data: a\uFEFF\n\n"))).containsExactly("message|a\uFEFF|");
    }

    @Test
    void theLastEventIdCarriesOverAndCanBeReset() {
        assertThat(parse(utf8("id: 5\ndata: a\n\ndata: b\n\nid\ndata: c\n\n")))
                .containsExactly("message|a|5", "message|b|5", "message|c|");
    }
}
