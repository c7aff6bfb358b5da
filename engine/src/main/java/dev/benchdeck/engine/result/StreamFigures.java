package dev.benchdeck.engine.result;

/**
 * A step's token-stream figures (LLM answers), beside the distributions {@code ttft}, {@code itl},
 * {@code tpot}, {@code e2e} and {@code request_tokens_per_second} in {@link StepResult#latencies()}.
 *
 * @param streams          measured requests that returned a stream (ok or failed mid-way)
 * @param outputTokens     their output tokens, from usage where sent, else counted content events
 * @param usageStreams     streams whose token count came from the server's usage figure (the rest were counted)
 * @param goodRequests     successful streams that met every service-level objective of the plan
 * @param outputTokensPerSecond output tokens over the measured seconds
 * @param goodput          good requests per measured second
 * @param contentEvents    content events of those streams
 * @param coalescedEvents  of those, the events read at the same instant as the one before them (they came in one
 *                         read, so their gap, an ITL of 0, says how the bytes arrived, not how the server paced them)
 */
public record StreamFigures(long streams, long outputTokens, long usageStreams, long goodRequests,
                            double outputTokensPerSecond, double goodput, long contentEvents, long coalescedEvents) {

    /** Figures over {@code seconds} from the counts. */
    public static StreamFigures of(long streams, long outputTokens, long usageStreams, long goodRequests, double seconds,
                                   long contentEvents, long coalescedEvents) {
        return new StreamFigures(streams, outputTokens, usageStreams, goodRequests,
                seconds > 0 ? outputTokens / seconds : 0, seconds > 0 ? goodRequests / seconds : 0, contentEvents, coalescedEvents);
    }

    /** Figures without event counts (results stored before they were kept). */
    public static StreamFigures of(long streams, long outputTokens, long usageStreams, long goodRequests, double seconds) {
        return of(streams, outputTokens, usageStreams, goodRequests, seconds, 0, 0);
    }

    /** Where the token counts came from: {@code usage}, {@code counted} or {@code mixed} (written to JSON too). */
    @com.fasterxml.jackson.annotation.JsonProperty(value = "token_source", access = com.fasterxml.jackson.annotation.JsonProperty.Access.READ_ONLY)
    public String tokenSource() {
        return usageStreams == streams ? "usage" : usageStreams == 0 ? "counted" : "mixed";
    }
}
