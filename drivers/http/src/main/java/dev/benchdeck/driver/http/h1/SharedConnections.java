package dev.benchdeck.driver.http.h1;

import dev.benchdeck.engine.time.EngineClock;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A pool of at most {@code target.connections} connections shared by all sessions of a driver. A
 * request waits for a slot until its deadline; slots are handed out in arrival order.
 */
final class SharedConnections implements ConnectionSource {

    private final EngineClock clock;
    private final Semaphore slots;
    // most recently used first: warm connections stay warm, surplus ones idle out on the server
    private final Deque<Http1Connection> idle = new ConcurrentLinkedDeque<>();
    private volatile boolean closed;

    public SharedConnections(int size, EngineClock clock) {
        this.clock = clock;
        this.slots = new Semaphore(size, true);
    }

    @Override
    public Http1Connection take(long deadline, boolean fresh) throws InterruptedException, TimeoutException {
        long wait = Math.max(0, deadline - clock.nanoTime());
        if (!slots.tryAcquire(wait, TimeUnit.NANOSECONDS)) {
            throw new TimeoutException("no free connection");
        }
        return fresh ? null : idle.pollFirst();
    }

    @Override
    public void give(Http1Connection connection, boolean reusable) {
        try {
            if (connection == null) {
                return;
            }
            if (reusable && !closed) {
                idle.offerFirst(connection);
                if (closed) {
                    closeIdle();
                }
            } else {
                connection.close();
            }
        } finally {
            slots.release();
        }
    }

    @Override
    public void sessionClosed() {
        // connections are shared: they are closed with the driver, not with one session
    }

    /** Closes idle connections; those in use are closed when their sessions give them back. */
    public void close() {
        closed = true;
        closeIdle();
    }

    private void closeIdle() {
        Http1Connection connection;
        while ((connection = idle.pollFirst()) != null) {
            connection.close();
        }
    }
}
