package dev.benchdeck.engine.load;

import dev.benchdeck.engine.driver.AsyncSession;
import dev.benchdeck.engine.driver.Outcome;
import dev.benchdeck.engine.driver.Session;
import dev.benchdeck.engine.plan.ClosedStep;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The closed model: each user sends its next request when the previous one has finished, plus
 * think time. Users start evenly over the ramp. A user stops once the clock passes the end of the
 * measured window; its last request still counts if it started inside it.
 *
 * <p>Users run as one virtual thread each, or, when every session is an {@link AsyncSession} and
 * there is no think time, as callback chains on the driver's I/O threads: the callback of one
 * request records it and submits the next, which spares a thread hand-off per request.
 */
final class ClosedStepExecution extends StepExecution {

    private final ClosedStep step;
    private final List<Thread> threads = new ArrayList<>();
    private final List<Session> sessions = new ArrayList<>();
    /** Users whose callback chain has not ended yet; none when users run as threads. */
    private CountDownLatch chainsRunning = new CountDownLatch(0);

    ClosedStepExecution(StepContext context, StepTimeline timeline, ClosedStep step) {
        super(context, timeline);
        this.step = step;
    }

    @Override
    void startLoad() {
        for (int user = 0; user < step.users(); user++) {
            sessions.add(context.driver().newSession());
        }
        boolean chained = step.thinkTime().isZero() && sessions.stream().allMatch(AsyncSession.class::isInstance);
        if (chained) {
            chainsRunning = new CountDownLatch(step.users());
        }
        long rampNanos = step.ramp().toNanos();
        for (int user = 0; user < step.users(); user++) {
            Session session = sessions.get(user);
            long startAt = timeline.start() + rampNanos * user / step.users();
            int id = user;
            if (!chained) {
                threads.add(Thread.ofVirtual().name("bd-user-" + user).start(() -> loop(id, session, startAt)));
            } else if (startAt <= context.clock().nanoTime()) {
                new UserChain(id, (AsyncSession) session).next();
            } else {
                UserChain chain = new UserChain(id, (AsyncSession) session);
                threads.add(Thread.ofVirtual().name("bd-user-" + user).start(() -> startChain(chain, startAt)));
            }
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
                Outcome outcome = execute(session, user, start, timeline.inWindow(start));
                if (outcome.journey() != null && outcome.journey().userStopped()) {
                    return; // the user's journey has nothing left to do (a unique feeder ran dry)
                }
                if (think > 0) {
                    long wake = context.clock().nanoTime() + think;
                    context.clock().sleepUntil(wake);
                    recorder.thinkLag(context.clock().nanoTime() - wake, timeline.inWindow(start));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits for a user's ramp start on a virtual thread of its own, which ends once the chain is under way. */
    private void startChain(UserChain chain, long startAt) {
        try {
            context.clock().sleepUntil(startAt);
        } catch (InterruptedException e) {
            chainsRunning.countDown();
            return;
        }
        chain.next();
    }

    /** One user as a chain of callbacks; one request of it is in flight at a time. */
    private final class UserChain implements Consumer<Outcome> {

        private final int user;
        private final AsyncSession session;
        private long intendedStart;
        private boolean inWindow;

        UserChain(int user, AsyncSession session) {
            this.user = user;
            this.session = session;
        }

        /** Submits the user's next request, or ends the chain as the thread loop would end. */
        void next() {
            while (!stopping) {
                long start = context.clock().nanoTime();
                if (start >= timeline.measureEnd() || !admit(start)) {
                    break;
                }
                recorder.started();
                intendedStart = start;
                inWindow = timeline.inWindow(start);
                try {
                    session.submit(newRequest(user), this);
                    return;
                } catch (RuntimeException e) {
                    recorder.record(start, internalFailure(e, start), inWindow);
                }
            }
            chainsRunning.countDown();
        }

        @Override
        public void accept(Outcome outcome) {
            recorder.record(intendedStart, outcome, inWindow);
            next();
        }
    }

    @Override
    boolean awaitLoad(long maxMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + maxMillis;
        for (Thread thread : threads) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0 || !thread.join(Duration.ofMillis(left))) {
                return false;
            }
        }
        if (!chainsRunning.await(Math.max(0, deadline - System.currentTimeMillis()), TimeUnit.MILLISECONDS)) {
            return false;
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
                thread.join(Duration.ofMillis(500));
            }
            chainsRunning.await(500, TimeUnit.MILLISECONDS);
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
