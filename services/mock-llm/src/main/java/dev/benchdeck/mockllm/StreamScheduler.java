package dev.benchdeck.mockllm;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Plays streams without faults or heartbeats from one platform thread: every stream waits in one
 * queue ordered by its next chunk's deadline, and the thread writes each chunk when it is due. A
 * virtual thread sleeping per token (the way streams with faults are still played, see
 * {@link TokenStream}) costs a park, a timer and an unpark per token, and at 10,000 streams that was
 * most of the mock's core. Deadlines are absolute, as in {@link TokenStream}. Writes block: a client
 * that stops reading holds every stream up once its socket's send buffer is full (megabytes on loopback),
 * a trade made for benchmarks, where readers read.
 */
final class StreamScheduler implements AutoCloseable {

    /** One stream being played; touched by the scheduler thread only once queued. */
    private static final class Playing {
        final HttpExchange exchange;
        final OutputStream out;
        final StreamPlan plan;
        final StreamFrames frames;
        final Consumer<Outcome> ended;
        long deadline;
        int chunk;

        Playing(HttpExchange exchange, OutputStream out, StreamPlan plan, StreamFrames frames, Consumer<Outcome> ended,
                long deadline) {
            this.exchange = exchange;
            this.out = out;
            this.plan = plan;
            this.frames = frames;
            this.ended = ended;
            this.deadline = deadline;
        }
    }

    private final ConcurrentLinkedQueue<Playing> arriving = new ConcurrentLinkedQueue<>();
    private final PriorityQueue<Playing> due = new PriorityQueue<>(Comparator.comparingLong(p -> p.deadline));
    private final Thread thread;
    private volatile boolean closed;

    StreamScheduler() {
        this.thread = Thread.ofPlatform().daemon().name("mock-llm-streams").start(this::run);
    }

    /** Whether this scheduler can play {@code plan}: no faults and no heartbeats. */
    static boolean plays(StreamPlan plan) {
        return plan.faults().isEmpty() && plan.heartbeatNanos() == 0;
    }

    /**
     * Sends the head and the opening frame now (on the caller's thread), then plays the chunks;
     * {@code ended} gets COMPLETED or CLIENT_DISCONNECTED on the scheduler's thread.
     */
    void play(HttpExchange exchange, long startNanos, StreamPlan plan, StreamFrames frames, Consumer<Outcome> ended)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        send(out, frames.opening());
        if (closed) {
            exchange.close();
            ended.accept(Outcome.CLIENT_DISCONNECTED);
            return;
        }
        arriving.add(new Playing(exchange, out, plan, frames, ended, startNanos + plan.ttftNanos()));
        LockSupport.unpark(thread);
    }

    private void run() {
        while (!closed) {
            for (Playing p; (p = arriving.poll()) != null; ) {
                due.add(p);
            }
            Playing next = due.peek();
            long now = System.nanoTime();
            if (next == null) {
                LockSupport.park(this);
            } else if (next.deadline > now) {
                LockSupport.parkNanos(this, next.deadline - now);
            } else {
                due.poll();
                step(next);
            }
        }
        cutLeft();
    }

    /** Writes the due chunk; after the last one the closing frames, and the stream ends. */
    private void step(Playing p) {
        try {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            send(p.out, p.frames.content(Vocabulary.tokens(p.plan.tokensInChunk(p.chunk), random)));
            p.chunk++;
            if (p.chunk < p.plan.chunks()) {
                p.deadline += p.plan.nextGapNanos(random);
                due.add(p);
                return;
            }
            send(p.out, p.frames.closing(p.plan.tokens(), p.plan.capped()));
            p.out.close();
            p.exchange.close();
            p.ended.accept(Outcome.COMPLETED);
        } catch (IOException gone) {
            p.exchange.close();
            p.ended.accept(Outcome.CLIENT_DISCONNECTED);
        }
    }

    /** Streams still queued when the scheduler stops: their exchanges are closed (the server is stopping). */
    private void cutLeft() {
        java.util.List<Playing> left = new ArrayList<>(due);
        left.addAll(arriving);
        for (Playing p : left) {
            p.exchange.close();
            p.ended.accept(Outcome.CLIENT_DISCONNECTED);
        }
    }

    private static void send(OutputStream out, String frame) throws IOException {
        if (!frame.isEmpty()) {
            out.write(frame.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }

    /** Stops playing; streams still queued are cut (their exchanges closed). */
    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(thread);
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
