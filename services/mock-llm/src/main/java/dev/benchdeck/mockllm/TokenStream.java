package dev.benchdeck.mockllm;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.random.RandomGenerator;

/**
 * Plays a {@link StreamPlan}: content chunk {@code i} leaves at start + TTFT + the sum of {@code i}
 * drawn ITL gaps (+ a stall, if injected). Deadlines are absolute, so write and wake-up delays do
 * not add up over the stream.
 */
final class TokenStream {

    static final String STREAM_ERROR_MESSAGE = "mock fault: the model is overloaded, stream aborted";

    private TokenStream() {
    }

    /** Streams the answer; returns COMPLETED or ERROR_EVENT, throws {@link ConnectionDropped} for a drop. */
    static Outcome stream(HttpExchange exchange, long startNanos, StreamPlan plan, StreamFrames frames,
                          RandomGenerator random) throws IOException, InterruptedException {
        SseWriter writer = SseWriter.open(exchange, plan.heartbeatNanos(), frames.heartbeat());
        writer.send(frames.opening());
        long deadline = startNanos + plan.ttftNanos();
        int chunks = plan.chunks();
        for (int chunk = 0; chunk <= chunks; chunk++) {
            if (chunk == plan.faultPoint()) {
                if (plan.has(Fault.STALL)) {
                    deadline += plan.stallNanos();
                    writer.waitUntil(deadline);
                }
                if (plan.has(Fault.DROP)) {
                    throw new ConnectionDropped();
                }
                if (plan.has(Fault.ERROR_EVENT)) {
                    writer.send(frames.error(STREAM_ERROR_MESSAGE));
                    writer.finish();
                    return Outcome.ERROR_EVENT;
                }
            }
            if (chunk == chunks) {
                break;
            }
            writer.waitUntil(deadline);
            writer.send(frames.content(Vocabulary.tokens(plan.tokensInChunk(chunk), random)));
            deadline += plan.nextGapNanos(random);
        }
        writer.send(frames.closing(plan.tokens(), plan.capped()));
        writer.finish();
        return Outcome.COMPLETED;
    }

    /** For whole (non-streamed) answers: waits until the last chunk would have left. */
    static void awaitLastToken(long startNanos, StreamPlan plan, RandomGenerator random) throws InterruptedException {
        long deadline = startNanos + plan.ttftNanos() + (plan.has(Fault.STALL) ? plan.stallNanos() : 0);
        for (int chunk = 1; chunk < plan.chunks(); chunk++) {
            deadline += plan.nextGapNanos(random);
        }
        SseWriter.sleep(deadline - System.nanoTime());
    }
}
