package dev.benchdeck.mockllm;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A text/event-stream answer: each frame is written and flushed at once. While waiting it sends a
 * heartbeat frame whenever nothing was sent for the heartbeat interval (0 = never).
 */
final class SseWriter {

    private final HttpExchange exchange;
    private final OutputStream out;
    private final long heartbeatNanos;
    private final String heartbeatFrame;
    private long lastSendNanos;

    private SseWriter(HttpExchange exchange, long heartbeatNanos, String heartbeatFrame) {
        this.exchange = exchange;
        this.out = exchange.getResponseBody();
        this.heartbeatNanos = heartbeatNanos;
        this.heartbeatFrame = heartbeatFrame;
        this.lastSendNanos = System.nanoTime();
    }

    static SseWriter open(HttpExchange exchange, long heartbeatNanos, String heartbeatFrame) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        return new SseWriter(exchange, heartbeatNanos, heartbeatFrame);
    }

    void send(String frame) throws IOException {
        if (frame.isEmpty()) {
            return;
        }
        out.write(frame.getBytes(StandardCharsets.UTF_8));
        out.flush();
        lastSendNanos = System.nanoTime();
    }

    /** Sleeps until the absolute deadline (System.nanoTime), sending heartbeats on the way. */
    void waitUntil(long deadlineNanos) throws IOException, InterruptedException {
        while (true) {
            long now = System.nanoTime();
            if (now >= deadlineNanos) {
                return;
            }
            long nextHeartbeat = heartbeatNanos > 0 ? lastSendNanos + heartbeatNanos : Long.MAX_VALUE;
            if (nextHeartbeat < deadlineNanos) {
                sleep(nextHeartbeat - now);
                send(heartbeatFrame);
            } else {
                sleep(deadlineNanos - now);
            }
        }
    }

    /** Ends the chunked body properly (last chunk) and frees the exchange. */
    void finish() throws IOException {
        out.close();
        exchange.close();
    }

    static void sleep(long nanos) throws InterruptedException {
        if (nanos > 0) {
            Thread.sleep(Duration.ofNanos(nanos));
        }
    }
}
