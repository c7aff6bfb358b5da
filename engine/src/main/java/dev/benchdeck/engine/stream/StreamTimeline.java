package dev.benchdeck.engine.stream;

import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * One streamed answer as the stream metrics see it, in clock nanoseconds: when the request was
 * sent, when each <em>content</em> event arrived (events that carry output text; role-only or empty
 * chunks, heartbeats and usage-only chunks are not content), when the answer ended, and how many
 * output tokens it had, with where that count came from. Each metric is defined here once;
 * docs/metrics.md repeats the definitions and StreamTimelineTest pins them.
 */
public record StreamTimeline(long send, long[] contentEvents, long end, long outputTokens, TokenSource tokenSource) {

    /** Where an output-token count came from. */
    public enum TokenSource {
        /** The server's own usage figure (OpenAI's final usage chunk, Anthropic's message_delta usage). */
        USAGE,
        /** No usage was sent: the number of content events, each counted as one token. */
        COUNTED
    }

    public StreamTimeline {
        contentEvents = contentEvents.clone();
        for (int i = 1; i < contentEvents.length; i++) {
            if (contentEvents[i] < contentEvents[i - 1]) {
                throw new IllegalArgumentException("content events out of order");
            }
        }
    }

    /** The count to report: the server's usage when it sent one, else the content events. */
    public static StreamTimeline of(long send, long[] contentEvents, long end, Long usageOutputTokens) {
        return usageOutputTokens != null
                ? new StreamTimeline(send, contentEvents, end, usageOutputTokens, TokenSource.USAGE)
                : new StreamTimeline(send, contentEvents, end, contentEvents.length, TokenSource.COUNTED);
    }

    /** Time to first token: from the send to the first content event; empty when no content arrived. */
    public OptionalLong ttftNanos() {
        return contentEvents.length == 0 ? OptionalLong.empty() : OptionalLong.of(contentEvents[0] - send);
    }

    /** Inter-token latency: every gap between consecutive content events (n events give n − 1 gaps). */
    public long[] itlNanos() {
        long[] gaps = new long[Math.max(0, contentEvents.length - 1)];
        for (int i = 0; i < gaps.length; i++) {
            gaps[i] = contentEvents[i + 1] - contentEvents[i];
        }
        return gaps;
    }

    /** Content events read at the same instant as the one before them: they arrived in one read. */
    public long coalescedEvents() {
        long n = 0;
        for (int i = 1; i < contentEvents.length; i++) {
            if (contentEvents[i] == contentEvents[i - 1]) {
                n++;
            }
        }
        return n;
    }

    /**
     * Time per output token: (last content − first content) / (output tokens − 1); empty with fewer
     * than two tokens or fewer than two content events (no span to divide).
     */
    public OptionalDouble tpotNanos() {
        if (outputTokens < 2 || contentEvents.length < 2) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of((double) (contentEvents[contentEvents.length - 1] - contentEvents[0]) / (outputTokens - 1));
    }

    /** End-to-end latency: from the send to the end of the answer. */
    public long e2eNanos() {
        return end - send;
    }

    /** Output tokens per second of this request's end-to-end time. */
    public double tokensPerSecond() {
        long e2e = e2eNanos();
        return e2e <= 0 ? 0 : outputTokens / (e2e / 1e9);
    }
}
