package dev.benchdeck.server.ingestor;

import dev.benchdeck.server.target.Target;
import dev.benchdeck.server.target.TargetKinds;
import dev.benchdeck.server.target.TargetRepository;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Samples every ingestor target's {@code GET /stats} once a second into its {@link IngestorSeries}, whether or not
 * anyone watches: the series must already be there when a page opens, after a reload or a quiet hour. A sample
 * still in flight (a slow ingestor) makes the next second's sample of that target wait its turn, not pile up.
 */
@Component
class IngestorWatch implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(IngestorWatch.class);
    /** One request a second each; more ingestor targets than this are not sampled (the rest say so on their page). */
    static final int MAX_WATCHED = 50;

    private final TargetRepository repository;
    private final IngestorAccess access;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("ingestor-watch").factory());
    private final Map<Long, Watched> watched = new ConcurrentHashMap<>();

    IngestorWatch(TargetRepository repository, IngestorAccess access) {
        this.repository = repository;
        this.access = access;
    }

    private static final class Watched {
        final IngestorSeries series = new IngestorSeries();
        final AtomicBoolean sampling = new AtomicBoolean();
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        timer.scheduleAtFixedRate(this::tick, 0, 1, TimeUnit.SECONDS);
    }

    /** The series kept for this target (empty until its first sample). */
    List<IngestorPoint> series(long targetId) {
        Watched w = watched.get(targetId);
        return w == null ? List.of() : w.series.points();
    }

    /** Whether this target is sampled now. */
    boolean watching(long targetId) {
        return watched.containsKey(targetId);
    }

    void tick() {
        List<Target> ingestors;
        try {
            ingestors = repository.findAll().stream().filter(t -> TargetKinds.INGESTOR.equals(t.kind())).limit(MAX_WATCHED).toList();
        } catch (RuntimeException e) {
            log.debug("Ingestor watch skipped a second: {}", e.getMessage()); // the database is away: the series has a gap
            return;
        }
        Set<Long> ids = ingestors.stream().map(Target::id).collect(Collectors.toSet());
        watched.keySet().retainAll(ids);
        long now = System.currentTimeMillis();
        for (Target target : ingestors) {
            Watched w = watched.computeIfAbsent(target.id(), id -> new Watched());
            if (w.sampling.compareAndSet(false, true)) {
                Thread.ofVirtual().name("ingestor-sample-" + target.id()).start(() -> {
                    try {
                        sample(target, w.series, now);
                    } finally {
                        w.sampling.set(false);
                    }
                });
            }
        }
    }

    private void sample(Target target, IngestorSeries series, long at) {
        Instant when = Instant.ofEpochMilli(at);
        try {
            IngestorClient.Answer answer = access.client(target).stats();
            if (!answer.ok()) {
                series.add(IngestorPoint.gap(at), IngestorStats.disconnected(target.id(), when, "GET /stats answered " + answer.status()
                        + (answer.status() == 401 ? ": the ingestor refused the stored admin token" : "")));
                return;
            }
            IngestorStats stats = IngestorStats.of(target.id(), when, answer.body());
            series.add(IngestorPoint.of(at, stats, answer.body().get("series")), stats);
        } catch (IOException | RuntimeException e) {
            series.add(IngestorPoint.gap(at), IngestorStats.disconnected(target.id(), when, "cannot reach the ingestor: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())));
        }
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }
}
