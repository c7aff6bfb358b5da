package dev.benchdeck.embeddedpg;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the postmaster of an {@link EmbeddedPostgres} and starts it again when its process is gone
 * (killed, crashed), on the same port and data; each restart is logged. Checks once per interval;
 * a restart that fails is tried again at the next check.
 */
final class Supervisor implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Supervisor.class);

    private final EmbeddedPostgres postgres;
    private final Duration interval;
    private final Thread thread;
    private final AtomicInteger restarts = new AtomicInteger();
    private volatile Instant lastRestart;
    private volatile String lastProblem;
    private volatile boolean stopped;

    Supervisor(EmbeddedPostgres postgres, Duration interval) {
        this.postgres = postgres;
        this.interval = interval;
        this.thread = Thread.ofPlatform().daemon().name("embedded-postgres-supervisor").unstarted(this::watch);
    }

    void start() {
        thread.start();
    }

    int restarts() {
        return restarts.get();
    }

    Instant lastRestart() {
        return lastRestart;
    }

    /** Why the last restart failed, null once one succeeded. */
    String lastProblem() {
        return lastProblem;
    }

    private void watch() {
        while (!stopped) {
            try {
                Thread.sleep(interval);
            } catch (InterruptedException e) {
                return;
            }
            if (stopped || postgres.isRunning()) {
                continue;
            }
            log.warn("The embedded PostgreSQL (data in {}) is not running; restarting it on port {}", postgres.dataDirectory(), postgres.port());
            try {
                postgres.restart();
                restarts.incrementAndGet();
                lastRestart = Instant.now();
                lastProblem = null;
                log.warn("The embedded PostgreSQL is running again (pid {}, port {})", postgres.pid().orElse(-1), postgres.port());
            } catch (RuntimeException e) {
                lastProblem = e.getMessage();
                log.warn("Restarting the embedded PostgreSQL failed ({}); trying again in {} s", e.getMessage(), interval.toSeconds());
            }
        }
    }

    @Override
    public void close() {
        stopped = true;
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
