package dev.benchdeck.driver.http.h1;

import dev.benchdeck.engine.time.EngineClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * One I/O thread with a {@link Selector}, serving non-blocking connections like wrk does. Work
 * from other threads is queued and the selector woken only while it sleeps; work from the loop
 * itself (a callback submitting the next request) is queued locally, without a wake-up.
 */
public final class EventLoop implements AutoCloseable {

    /** What the loop calls back: a key is ready, or a deadline may have passed. */
    public interface Channel {
        void ready(SelectionKey key);

        /** Checks the request deadline; returns the next deadline to watch, or {@code Long.MAX_VALUE}. */
        long checkDeadline(long now);
    }

    private final EngineClock clock;
    private final Selector selector;
    private final Thread thread;
    private final Queue<Runnable> fromOutside = new ConcurrentLinkedQueue<>();
    private final ArrayDeque<Runnable> fromLoop = new ArrayDeque<>();
    private final Set<Channel> watched = new HashSet<>();
    private volatile boolean selecting;
    private volatile boolean closed;
    private long nextDeadline = Long.MAX_VALUE;

    public EventLoop(EngineClock clock, String name) {
        this.clock = clock;
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector", e);
        }
        this.thread = Thread.ofPlatform().daemon().name(name).start(this::run);
    }

    public Selector selector() {
        return selector;
    }

    public boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    /** Runs {@code task} on the loop thread, soon; never inside the caller. */
    public void execute(Runnable task) {
        if (inLoop()) {
            fromLoop.add(task);
            return;
        }
        fromOutside.add(task);
        if (selecting) {
            selector.wakeup();
        }
    }

    /** Watches a channel's deadline (loop thread only); the channel stays watched until it returns MAX_VALUE. */
    public void watch(Channel channel, long deadline) {
        watched.add(channel);
        nextDeadline = Math.min(nextDeadline, deadline);
    }

    private void run() {
        while (!closed) {
            runTasks();
            if (closed) {
                break; // the close task just ran: selecting now would wait for a wake-up that never comes
            }
            long now = clock.nanoTime();
            if (now >= nextDeadline) {
                checkDeadlines(now);
            }
            try {
                if (!fromLoop.isEmpty()) {
                    selector.selectNow(this::dispatch);
                    continue;
                }
                selecting = true;
                if (fromOutside.isEmpty()) {
                    long wait = nextDeadline == Long.MAX_VALUE ? 0 : Math.max(1, (nextDeadline - now + 999_999) / 1_000_000);
                    selector.select(this::dispatch, wait);
                } else {
                    selector.selectNow(this::dispatch);
                }
                selecting = false;
            } catch (IOException e) {
                throw new UncheckedIOException("selector failed", e);
            }
        }
        runTasks();
        try {
            selector.close();
        } catch (IOException e) {
            // the loop is ending either way
        }
    }

    private void dispatch(SelectionKey key) {
        try {
            ((Channel) key.attachment()).ready(key);
        } catch (RuntimeException e) {
            report(e);
        }
    }

    private void runTasks() {
        Runnable task;
        while ((task = fromOutside.poll()) != null || (task = fromLoop.poll()) != null) {
            try {
                task.run();
            } catch (RuntimeException e) {
                report(e);
            }
        }
    }

    private void checkDeadlines(long now) {
        nextDeadline = Long.MAX_VALUE;
        Iterator<Channel> channels = watched.iterator();
        while (channels.hasNext()) {
            long next;
            try {
                next = channels.next().checkDeadline(now);
            } catch (RuntimeException e) {
                report(e);
                next = Long.MAX_VALUE;
            }
            if (next == Long.MAX_VALUE) {
                channels.remove();
            } else {
                nextDeadline = Math.min(nextDeadline, next);
            }
        }
    }

    /** A bug in a callback must not stop the loop that serves every other user. */
    private void report(RuntimeException e) {
        thread.getUncaughtExceptionHandler().uncaughtException(thread, e);
    }

    /** Stops the loop after the tasks already queued (sessions closing) have run. */
    @Override
    public void close() {
        execute(() -> closed = true);
        if (!inLoop()) {
            try {
                thread.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
