package dev.benchdeck.engine.load;

import dev.benchdeck.engine.driver.AsyncSession;
import dev.benchdeck.engine.driver.Outcome;
import dev.benchdeck.engine.driver.Session;
import dev.benchdeck.engine.plan.OpenStep;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The open model: a dispatcher thread starts each request at its intended time, whatever happened to earlier
 * requests: on the driver's own I/O thread when its sessions are {@link AsyncSession}s (no thread hand-off per
 * request), else on a virtual thread. Latency counts from the intended start, so
 * requests delayed by a stalled system are charged the delay. An arrival finding
 * {@code maxInFlight} requests running is dropped (and counted as such).
 */
final class OpenStepExecution extends StepExecution {

    private final ArrivalSchedule schedule;
    private final int maxInFlight;
    private final Queue<Session> idle = new ConcurrentLinkedQueue<>();
    private final Queue<Session> all = new ConcurrentLinkedQueue<>();
    private Thread dispatcher;

    OpenStepExecution(StepContext context, StepTimeline timeline, OpenStep step, double previousRate,
                      dev.benchdeck.engine.plan.LoadSpec.Arrival arrival, int maxInFlight, long seed, double burstiness) {
        super(context, timeline);
        this.maxInFlight = maxInFlight;
        this.schedule = new ArrivalSchedule(timeline.start(), previousRate, step.rate(), step.ramp().toNanos(), arrival, seed,
                burstiness).phase((double) context.shard().index() / context.shard().count());
    }

    @Override
    void startLoad() {
        // a platform thread: timed parking of virtual threads is coarser
        dispatcher = Thread.ofPlatform().daemon().name("bd-dispatcher").start(this::dispatch);
    }

    private void dispatch() {
        try {
            while (!stopping) {
                long intended = schedule.next();
                if (intended >= timeline.measureEnd()) {
                    return;
                }
                context.clock().sleepUntil(intended);
                if (stopping || !admit(intended)) {
                    return;
                }
                boolean inWindow = timeline.inWindow(intended);
                if (recorder.inFlight() >= maxInFlight) {
                    recorder.dropped(inWindow);
                    continue;
                }
                recorder.started();
                Session session = idle.poll();
                if (session == null) {
                    session = context.driver().newSession();
                    all.add(session);
                }
                Session chosen = session;
                int slot = all.size();
                if (chosen instanceof AsyncSession async) {
                    submit(async, slot, intended, inWindow);
                } else {
                    Thread.ofVirtual().start(() -> run(chosen, slot, intended, inWindow));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts a request on an async session; its outcome is recorded on the driver's I/O thread. */
    private void submit(AsyncSession session, int slot, long intended, boolean inWindow) {
        try {
            session.submit(newRequest(slot), outcome -> finished(session, intended, outcome, inWindow));
        } catch (RuntimeException e) {
            finished(session, intended, internalFailure(e, intended), inWindow);
        }
    }

    private void finished(AsyncSession session, long intended, Outcome outcome, boolean inWindow) {
        recorder.record(intended, outcome, inWindow, true);
        idle.add(session);
    }

    private void run(Session session, int slot, long intended, boolean inWindow) {
        try {
            execute(session, slot, intended, inWindow);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            idle.add(session);
        }
    }

    @Override
    boolean awaitLoad(long maxMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + maxMillis;
        dispatcher.join(java.time.Duration.ofMillis(maxMillis));
        while (recorder.inFlight() > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(1);
        }
        boolean done = !dispatcher.isAlive() && recorder.inFlight() == 0;
        if (done) {
            all.forEach(Session::close);
        }
        return done;
    }

    @Override
    void abortLoad() {
        dispatcher.interrupt();
        all.forEach(Session::close);
    }

    @Override
    protected boolean scheduled() {
        return true;
    }

    @Override
    int users() {
        return recorder.inFlight();
    }
}
