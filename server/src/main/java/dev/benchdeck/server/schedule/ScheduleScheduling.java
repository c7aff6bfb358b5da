package dev.benchdeck.server.schedule;

import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Calls the ticker every {@code poll} on a thread of its own. Not a db-scheduler task: its workers are the run
 * slots, so a running benchmark would hold the ticker back; the row locks keep replicas from firing twice.
 */
@Component
class ScheduleScheduling implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ScheduleScheduling.class);

    private final ScheduleTicker ticker;
    private final ScheduleProperties properties;
    private ScheduledExecutorService executor;

    ScheduleScheduling(ScheduleTicker ticker, ScheduleProperties properties) {
        this.ticker = ticker;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("benchdeck-schedules").daemon().factory());
        long poll = properties.poll().toMillis();
        executor.scheduleWithFixedDelay(this::tick, poll, poll, TimeUnit.MILLISECONDS);
    }

    private void tick() {
        try {
            ticker.tick(Instant.now());
        } catch (RuntimeException e) {
            // the database may be restarting: the next tick tries again
            log.warn("Schedules: cannot look for due schedules now ({})", e.getMessage());
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
