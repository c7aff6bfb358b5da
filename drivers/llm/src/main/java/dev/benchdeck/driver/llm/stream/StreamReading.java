package dev.benchdeck.driver.llm.stream;

/**
 * What one server-sent event means to the stream metrics. {@code tokens} is the usage figure of a
 * {@code USAGE} reading; {@code text} the content of a {@code CONTENT} reading or the message of an
 * {@code ERROR}.
 */
public record StreamReading(Kind kind, String text, long tokens) {

    public enum Kind {
        /** Output text arrived: counts for TTFT, ITL and counted tokens. */
        CONTENT,
        /** A role-only or empty chunk, a ping, a start or stop marker: timed as an event, not as content. */
        OTHER,
        /** The server's output-token count for the whole answer. */
        USAGE,
        /** An error sent inside the stream (often with HTTP 200): the request fails. */
        ERROR,
        /** The stream's explicit end ({@code [DONE]}, {@code message_stop}, the configured end event). */
        END
    }

    public static final StreamReading OTHER = new StreamReading(Kind.OTHER, "", 0);
    public static final StreamReading END = new StreamReading(Kind.END, "", 0);

    public static StreamReading content(String text) {
        return new StreamReading(Kind.CONTENT, text, 0);
    }

    public static StreamReading usage(long outputTokens) {
        return new StreamReading(Kind.USAGE, "", outputTokens);
    }

    public static StreamReading error(String message) {
        return new StreamReading(Kind.ERROR, message, 0);
    }
}
