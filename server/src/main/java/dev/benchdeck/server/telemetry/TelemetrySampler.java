package dev.benchdeck.server.telemetry;

import dev.benchdeck.engine.driver.Drivers;
import dev.benchdeck.engine.telemetry.CombinedTelemetry;
import dev.benchdeck.engine.telemetry.TelemetrySource;
import dev.benchdeck.server.live.LiveFeed;
import dev.benchdeck.server.system.Json;
import dev.benchdeck.server.target.Target;
import dev.benchdeck.server.target.TargetKinds;
import dev.benchdeck.server.target.TargetMetrics;
import dev.benchdeck.server.target.TargetService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Samples a run's target once a second while the run executes, with the telemetry source its driver
 * factory offers for the target's kind and the Prometheus series the target names, if any, and stores
 * and pushes each sample. A target that cannot be
 * read for a while only leaves gaps: the run itself never notices.
 */
@Component
public class TelemetrySampler {

    private static final Logger log = LoggerFactory.getLogger(TelemetrySampler.class);

    private final Drivers drivers = Drivers.discover();
    private final TargetService targets;
    private final TelemetryRepository repository;
    private final LiveFeed feed;

    TelemetrySampler(TargetService targets, TelemetryRepository repository, LiveFeed feed) {
        this.targets = targets;
        this.repository = repository;
        this.feed = feed;
    }

    /** The sampling of one run; align it with each interval so that samples share the intervals' time axis. */
    public interface Recording extends AutoCloseable {
        Recording NONE = new Recording() {
            @Override
            public void align(double elapsedSeconds) {
            }

            @Override
            public void close() {
            }
        };

        /** An interval ended {@code elapsedSeconds} into the run, now. */
        void align(double elapsedSeconds);

        @Override
        void close();
    }

    /** Starts sampling the run's target, if its kind has telemetry; {@link Recording#NONE} otherwise. */
    public Recording start(long runId, Long targetId) {
        if (targetId == null) {
            return Recording.NONE;
        }
        try {
            Optional<Target> target = targets.find(targetId);
            if (target.isEmpty()) {
                return Recording.NONE;
            }
            String kind = target.get().kind();
            List<TelemetrySource> sources = new ArrayList<>();
            drivers.find(TargetKinds.driver(kind)).flatMap(factory -> factory.telemetry(kind, targets.driverSettings(target.get()))).ifPresent(sources::add);
            TargetMetrics.of(target.get().options()).map(TargetMetrics::source).ifPresent(sources::add);
            return sources.isEmpty() ? Recording.NONE : new RunRecording(runId, kind, CombinedTelemetry.of(sources));
        } catch (RuntimeException e) {
            log.warn("Run {}: no target telemetry ({})", runId, e.getMessage());
            return Recording.NONE;
        }
    }

    private record Pending(long nanos, Map<String, Double> metrics) {
    }

    private final class RunRecording implements Recording {
        private final long runId;
        private final String kind;
        private final TelemetrySource source;
        private final ScheduledExecutorService timer;
        private final AtomicBoolean warned = new AtomicBoolean();
        private final long startNanos = System.nanoTime();
        // nanoTime of the run's second 0, from the first interval (a run on agents starts seconds after the sampler)
        private volatile long originNanos = startNanos;
        private volatile boolean aligned;
        /** Samples taken before the first interval: timed once the run's second 0 is known. */
        private final List<Pending> pending = new ArrayList<>();
        private int seq;

        RunRecording(long runId, String kind, TelemetrySource source) {
            this.runId = runId;
            this.kind = kind;
            this.source = source;
            this.timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("telemetry-" + runId).factory());
            timer.scheduleAtFixedRate(this::sample, 0, 1, TimeUnit.SECONDS);
        }

        @Override
        public void align(double elapsedSeconds) {
            if (aligned) {
                return; // every interval after the first: no lock on the run's thread
            }
            synchronized (this) {
                if (!aligned) {
                    originNanos = System.nanoTime() - (long) (elapsedSeconds * 1e9);
                    aligned = true;
                    flushPending();
                }
            }
        }

        /** Stores the waiting samples on the run's time axis; those from before its second 0 (setup, the agents' start) are dropped. */
        private void flushPending() {
            for (Pending p : pending) {
                if (p.nanos >= originNanos) {
                    try {
                        store(p.nanos, p.metrics);
                    } catch (RuntimeException e) {
                        // telemetry is best effort: a sample that cannot be stored must not fail the run
                        log.debug("Run {}: a telemetry sample was not stored ({})", runId, e.toString());
                    }
                }
            }
            pending.clear();
        }

        private void sample() {
            try {
                Map<String, Double> metrics = source.sample();
                if (metrics.isEmpty()) {
                    return;
                }
                long now = System.nanoTime();
                synchronized (this) {
                    if (aligned) {
                        store(now, metrics);
                    } else {
                        pending.add(new Pending(now, metrics));
                    }
                }
            } catch (Exception e) {
                if (warned.compareAndSet(false, true)) {
                    log.info("Run {}: target telemetry unavailable for now ({}); trying each second", runId, e.getMessage());
                }
            }
        }

        private void store(long nanos, Map<String, Double> metrics) {
            double elapsed = Math.round((nanos - originNanos) / 1e6) / 1e3;
            TelemetrySample sample = new TelemetrySample(seq++, elapsed, kind, metrics);
            repository.insert(runId, sample);
            feed.telemetry(runId, Json.write(sample));
        }

        @Override
        public void close() {
            timer.shutdown();
            try {
                if (!timer.awaitTermination(3, TimeUnit.SECONDS)) {
                    timer.shutdownNow();
                }
            } catch (InterruptedException e) {
                timer.shutdownNow();
                Thread.currentThread().interrupt();
            }
            try {
                sample(); // the figures at the run's end
                synchronized (this) {
                    // a run that ended before its first interval: its samples timed from the sampler's start
                    aligned = true;
                    flushPending();
                }
            } finally {
                source.close();
            }
        }
    }
}
