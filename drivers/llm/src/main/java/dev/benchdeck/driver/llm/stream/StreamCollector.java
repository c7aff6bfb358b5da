package dev.benchdeck.driver.llm.stream;

import dev.benchdeck.driver.llm.sse.SseEvent;
import dev.benchdeck.driver.llm.sse.SseParser;
import dev.benchdeck.engine.driver.ErrorClasses;
import dev.benchdeck.engine.driver.Outcome;
import dev.benchdeck.engine.driver.Timings;
import dev.benchdeck.engine.stream.StreamTimeline;
import java.util.Arrays;

/**
 * Turns one streamed answer into an {@link Outcome}: body bytes go through the SSE parser with the
 * time they arrived, each event is read by the API's {@link StreamFormat}, and the content event
 * times, the usage figure, an in-stream error or the explicit end are kept. Not thread-safe: one
 * collector per request, fed from one thread at a time.
 */
public final class StreamCollector implements SseParser.Listener {

    /** An error sent inside the stream (often with HTTP 200). */
    public static final String STREAM_ERROR = "stream_error";
    /** The stream stopped before the format's explicit end ({@code [DONE]}, {@code message_stop}). */
    public static final String STREAM_INCOMPLETE = "stream_incomplete";

    private final StreamFormat format;
    private final boolean endRequired;
    private final long send;
    private final SseParser parser = new SseParser(this);

    private long now;
    private long firstByte = Timings.NONE;
    private long[] events = new long[16];
    private int eventCount;
    private long[] contents = new long[64];
    private int contentCount;
    private Long usageTokens;
    private String error;
    private String malformed;
    private boolean ended;

    /**
     * @param endRequired whether the stream must end with the format's end marker; when false (generic
     *                    SSE without an end event) the connection's close ends it normally
     */
    public StreamCollector(StreamFormat format, boolean endRequired, long send) {
        this.format = format;
        this.endRequired = endRequired;
        this.send = send;
    }

    /** Body bytes that arrived at {@code arrivedAt} (clock nanoseconds). */
    public void bytes(byte[] bytes, int offset, int length, long arrivedAt) {
        if (firstByte == Timings.NONE && length > 0) {
            firstByte = arrivedAt;
        }
        if (finished()) {
            return; // after the end, an error or a malformed chunk nothing more counts
        }
        now = arrivedAt;
        parser.feed(bytes, offset, length);
    }

    /** True once the stream has said all it will: the end marker, an error, or a chunk that did not parse. */
    public boolean finished() {
        return ended || error != null || malformed != null;
    }

    public int events() {
        return eventCount;
    }

    @Override
    public void event(SseEvent event) {
        if (finished()) {
            return;
        }
        events = grow(events, eventCount);
        events[eventCount++] = now;
        StreamReading reading;
        try {
            reading = format.read(event);
        } catch (MalformedStreamException e) {
            malformed = e.getMessage();
            return;
        }
        switch (reading.kind()) {
            case CONTENT -> {
                contents = grow(contents, contentCount);
                contents[contentCount++] = now;
            }
            case USAGE -> usageTokens = reading.tokens();
            case ERROR -> error = reading.text();
            case END -> ended = true;
            case OTHER -> {
                // timed as an event only
            }
        }
    }

    /** The outcome once the body is over (or cut off) at {@code end}; {@code cutOff} names why it stopped early, or null. */
    public Outcome outcome(long end, long connectNanos, String cutOffClass, String cutOffMessage) {
        parser.end();
        Timings timings = new Timings(send, firstByte, Math.max(end, send), connectNanos);
        long[] eventTimes = Arrays.copyOf(events, eventCount);
        StreamTimeline timeline = StreamTimeline.of(send, Arrays.copyOf(contents, contentCount), timings.end(), usageTokens);
        if (malformed != null) {
            return Outcome.failure(ErrorClasses.PROTOCOL, "malformed " + format.name() + " stream: " + malformed,
                    timings, eventTimes, timeline);
        }
        if (error != null) {
            return Outcome.failure(STREAM_ERROR, "error in the stream: " + error, timings, eventTimes, timeline);
        }
        if (!ended && cutOffClass != null) {
            return Outcome.failure(cutOffClass, cutOffMessage + " after " + eventCount + " events", timings, eventTimes, timeline);
        }
        if (!ended && endRequired) {
            return Outcome.failure(STREAM_INCOMPLETE, "the " + format.name() + " stream closed before its end marker, after "
                    + eventCount + " events", timings, eventTimes, timeline);
        }
        return Outcome.success(timings, eventTimes, timeline);
    }

    private static long[] grow(long[] array, int used) {
        return used < array.length ? array : Arrays.copyOf(array, array.length * 2);
    }
}
