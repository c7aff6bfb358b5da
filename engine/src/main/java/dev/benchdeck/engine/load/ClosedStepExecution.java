package dev.benchdeck.engine.load;

import dev.benchdeck.engine.driver.Session;
import dev.benchdeck.engine.plan.ClosedStep;
import java.util.ArrayList;
import java.util.List;

/**
 * The closed model: one virtual thread per user, each sending its next request when the previous
 * one has finished, plus think time. Users start evenly over the ramp. A user stops once the clock
 * passes the end of the measured window; its last request still counts if it started inside it.
 */
final class ClosedStepExecution extends StepExecution {

    private final ClosedStep step;
    private final List<Thread> threads = new ArrayList<>();
    private final List<Session> sessions = new ArrayList<>();

    ClosedStepExecution(StepContext context, StepTimeline timeline, ClosedStep step) {
        super(context, timeline);
        this.step = step;
    }

    @Override
    void startLoad() {
        long rampNanos = step.ramp().toNanos();
        for (int user = 0; user < step.users(); user++) {
            Session session = context.driver().newSession();
            sessions.add(session);
            long startAt = timeline.start() + rampNanos * user / step.users();
            int id = user;
            threads.add(Thread.ofVirtual().name("bd-user-" + user).start(() -> loop(id, session, startAt)));
        }
    }

    private void loop(int user, Session session, long startAt) {
        long think = step.thinkTime().toNanos();
        try {
            context.clock().sleepUntil(startAt);
            while (!stopping) {
                long start = context.clock().nanoTime();
                if (start >= timeline.measureEnd() || !admit(start)) {
                    return;
                }
                recorder.started();
                execute(session, user, start, timeline.inWindow(start));
                if (think > 0) {
                    context.clock().sleepUntil(context.clock().nanoTime() + think);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    boolean awaitLoad(long maxMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + maxMillis;
        for (Thread thread : threads) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0 || !thread.join(java.time.Duration.ofMillis(left))) {
                return false;
            }
        }
        closeSessions();
        return true;
    }

    @Override
    void abortLoad() {
        closeSessions();
        threads.forEach(Thread::interrupt);
        try {
            for (Thread thread : threads) {
                thread.join(java.time.Duration.ofMillis(500));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    int users() {
        return step.users();
    }

    private void closeSessions() {
        for (Session session : sessions) {
            session.close();
        }
    }
}
