package dev.benchdeck.mockllm;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;

/**
 * Answers one request that the router matched; returns how it ended, for the stats, or {@code null}
 * when a stream goes on elsewhere ({@link StreamScheduler}), which counts and closes it when it ends.
 */
@FunctionalInterface
interface Endpoint {

    /** @param startNanos System.nanoTime() when the request reached the mock; TTFT counts from here */
    Outcome handle(HttpExchange exchange, long startNanos) throws IOException, InterruptedException;
}
