package dev.benchdeck.engine.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchdeck.engine.driver.Driver;
import dev.benchdeck.engine.driver.ErrorClasses;
import dev.benchdeck.engine.driver.Outcome;
import dev.benchdeck.engine.driver.RequestContext;
import dev.benchdeck.engine.driver.Session;
import dev.benchdeck.engine.driver.SetupContext;
import dev.benchdeck.engine.driver.Timings;
import dev.benchdeck.engine.time.EngineClock;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What every driver's sessions must do, checked against the driver's real target behind a
 * {@link FaultyProxy}: timings in order, a stalled target reported as a timeout, a gone one as a
 * refused connection, a hang-up classified, every failure returned as an outcome (never thrown,
 * never {@code internal}), the session usable again afterwards, an operation abortable from another
 * thread, and closing the driver releasing its sockets and threads. A driver's session test extends
 * this class and supplies {@link #backend()} and {@link #openDriver}; the hooks below adapt the
 * expectations where a driver has its own error classes.
 */
@Timeout(30)
public abstract class DriverCompatibilityKit {

    /** The faults the kit injects, for {@link #checkFailure}. */
    public enum Fault { TIMEOUT, REFUSED, HANG_UP, ABORTED }

    private static final Duration TIMEOUT = Duration.ofMillis(400);
    private static final Duration SLACK = Duration.ofMillis(2500);

    /** A setup that ignores progress and is never cancelled, sized for the kit's few sessions. */
    private static final SetupContext QUIET_SETUP = new SetupContext() {
        @Override
        public void progress(String phase, String message, long done, long total, String unit, boolean finished) {
        }

        @Override
        public int peakConcurrency() {
            return 3;
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    };

    private FaultyProxy proxy;
    private final List<Driver> opened = new ArrayList<>();

    /** The real target (started by the subclass, e.g. in a {@code @BeforeEach}); asked per connection. */
    protected abstract InetSocketAddress backend() throws Exception;

    /** Opens the driver under test against {@code target} (the proxy), with an operation that succeeds there. */
    protected abstract Driver openDriver(InetSocketAddress target) throws Exception;

    /** A session of {@code driver} as the engine would use it; override to wrap (e.g. submit to an event loop). */
    protected Session newSession(Driver driver) throws Exception {
        return driver.newSession();
    }

    /** The classes a timed-out operation may have. */
    protected Set<String> timeoutClasses() {
        return Set.of(ErrorClasses.TIMEOUT);
    }

    /** The classes an operation may have once the target stopped listening. */
    protected Set<String> refusedClasses() {
        return Set.of(ErrorClasses.CONNECT);
    }

    /** The classes an operation may have when the target hangs up on it. */
    protected Set<String> hangUpClasses() {
        return Set.of(ErrorClasses.RESET);
    }

    /** Further checks of a driver's failure (its exact message…); none by default. */
    protected void checkFailure(Fault fault, Outcome.Failure failure, Duration timeout) {
    }

    /** Ends an operation in flight on another thread: the SPI's way is closing its session. */
    protected void abort(Session session, Thread running) {
        session.close();
    }

    /** Threads the driver may leave behind after close (shared JDK pools); none by default. */
    protected boolean mayOutliveTheDriver(Thread thread) {
        return thread.getName().startsWith("ForkJoinPool.commonPool") || thread.getName().startsWith("bd-faulty-proxy");
    }

    /** The clock the driver times with. */
    protected EngineClock clock() {
        return EngineClock.system();
    }

    protected static RequestContext kitRequest(long sequence, Duration timeout) {
        return new RequestContext(sequence, 3, timeout.toNanos());
    }

    /** The proxy in front of {@link #backend()}, started on first use (after the subclass's setup). */
    protected final FaultyProxy proxy() throws Exception {
        if (proxy == null) {
            proxy = FaultyProxy.start(() -> {
                try {
                    return backend();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        return proxy;
    }

    private Driver driver() throws Exception {
        Driver driver = openDriver(proxy().address());
        opened.add(driver);
        driver.prepare(QUIET_SETUP); // as the engine does before the first session
        return driver;
    }

    @AfterEach
    void closeKitResources() {
        opened.forEach(Driver::close);
        opened.clear();
        if (proxy != null) {
            proxy.close();
            proxy = null;
        }
    }

    @Test
    void kitTimingsAreInOrder() throws Exception {
        Session session = newSession(driver());
        for (int i = 0; i < 3; i++) {
            long before = clock().nanoTime();
            Outcome outcome = session.execute(kitRequest(i, Duration.ofSeconds(10)));
            long after = clock().nanoTime();

            assertThat(outcome).as(String.valueOf(outcome)).isInstanceOf(Outcome.Success.class);
            Timings t = outcome.timings();
            assertThat(t.send()).as("send").isBetween(before, after);
            assertThat(t.end()).as("end").isBetween(t.send(), after);
            if (t.hasFirstByte()) {
                assertThat(t.firstByte()).as("first byte").isBetween(t.send(), t.end());
            }
            if (t.opened()) {
                assertThat(t.connectNanos()).as("connect").isBetween(0L, after - before);
            }
            if (t.waitedForConnection()) {
                assertThat(t.connectWaitNanos()).as("connect wait").isBetween(0L, after - before);
            }
            for (long event : outcome.eventTimes()) {
                assertThat(event).as("event").isBetween(t.send(), t.end());
            }
        }
    }

    @Test
    void kitReportsAStalledTargetAsATimeout() throws Exception {
        Session session = newSession(driver());
        assertThat(session.execute(kitRequest(0, Duration.ofSeconds(10)))).isInstanceOf(Outcome.Success.class);
        proxy().fault(FaultyProxy.Fault.STALL);
        long start = System.nanoTime();

        Outcome.Failure failure = failure(session.execute(kitRequest(1, TIMEOUT)));

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(failure.errorClass()).as(failure.toString()).isIn(timeoutClasses());
        assertThat(took).isBetween(TIMEOUT.multipliedBy(9).dividedBy(10), TIMEOUT.plus(SLACK));
        checkFailure(Fault.TIMEOUT, failure, TIMEOUT);
    }

    @Test
    void kitReportsAGoneTargetAsARefusedConnection() throws Exception {
        Driver driver = driver();
        Session session = newSession(driver);
        proxy().refuse();
        Thread.sleep(200); // gone for a moment, not a race with the hang-up of a connection the driver opened to check the target

        Outcome.Failure failure = failure(session.execute(kitRequest(0, Duration.ofSeconds(5))));

        assertThat(failure.errorClass()).as(failure.toString()).isIn(refusedClasses());
        checkFailure(Fault.REFUSED, failure, Duration.ofSeconds(5));
    }

    @Test
    void kitClassifiesAHangUpAndTheSessionCarriesOn() throws Exception {
        Session session = newSession(driver());
        assertThat(session.execute(kitRequest(0, Duration.ofSeconds(10)))).isInstanceOf(Outcome.Success.class);
        proxy().fault(FaultyProxy.Fault.HANG_UP);

        Outcome.Failure failure = failure(session.execute(kitRequest(1, Duration.ofSeconds(5))));
        assertThat(failure.errorClass()).as(failure.toString()).isIn(hangUpClasses());
        checkFailure(Fault.HANG_UP, failure, Duration.ofSeconds(5));

        proxy().fault(FaultyProxy.Fault.NONE);
        Outcome again = session.execute(kitRequest(2, Duration.ofSeconds(10)));
        if (again instanceof Outcome.Failure) {
            again = session.execute(kitRequest(3, Duration.ofSeconds(10))); // one failure for a connection found dead is fair
        }
        assertThat(again).as(String.valueOf(again)).isInstanceOf(Outcome.Success.class);
    }

    @Test
    void kitAbortsAnOperationFromAnotherThread() throws Exception {
        Session session = newSession(driver());
        assertThat(session.execute(kitRequest(0, Duration.ofSeconds(10)))).isInstanceOf(Outcome.Success.class);
        proxy().fault(FaultyProxy.Fault.STALL);
        java.util.concurrent.CompletableFuture<Outcome> ended = new java.util.concurrent.CompletableFuture<>();
        // a virtual thread, as the engine runs blocking users
        Thread user = Thread.ofVirtual().start(() -> {
            try {
                ended.complete(session.execute(kitRequest(1, Duration.ofSeconds(30))));
            } catch (InterruptedException e) {
                ended.complete(null); // the engine's way to stop a blocking operation: allowed
            } catch (Throwable t) {
                ended.completeExceptionally(t);
            }
        });
        Thread.sleep(200);
        long start = System.nanoTime();

        abort(session, user);

        Outcome outcome = ended.get(SLACK.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(SLACK);
        if (outcome != null) {
            Outcome.Failure failure = failure(outcome);
            checkFailure(Fault.ABORTED, failure, Duration.ofSeconds(30));
        }
    }

    @Test
    void kitClosingReleasesSocketsAndThreads() throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        Driver driver = driver();
        List<Session> sessions = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Session session = newSession(driver);
            sessions.add(session);
            assertThat(session.execute(kitRequest(i, Duration.ofSeconds(10)))).isInstanceOf(Outcome.Success.class);
        }
        assertThat(proxy().openSockets()).isPositive();

        sessions.forEach(Session::close);
        driver.close();

        long give = System.nanoTime() + SLACK.toNanos();
        while ((proxy().openSockets() > 0 || !leftBehind(before).isEmpty()) && System.nanoTime() < give) {
            Thread.sleep(20);
        }
        assertThat(proxy().openSockets()).as("sockets still open through the proxy").isZero();
        assertThat(leftBehind(before)).as("threads the driver left running").isEmpty();
    }

    /** Threads started since {@code before} and still running, each with where it is. */
    private Set<String> leftBehind(Set<Thread> before) {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> e.getKey().isAlive() && !before.contains(e.getKey()) && !mayOutliveTheDriver(e.getKey()))
                .map(e -> e.getKey().getName() + " at " + java.util.Arrays.stream(e.getValue()).limit(6)
                        .map(String::valueOf).collect(Collectors.joining(" < ")))
                .collect(Collectors.toSet());
    }

    private static Outcome.Failure failure(Outcome outcome) {
        assertThat(outcome).as(String.valueOf(outcome)).isInstanceOf(Outcome.Failure.class);
        Outcome.Failure failure = (Outcome.Failure) outcome;
        assertThat(failure.errorClass()).as("an unclassified failure: " + failure).isNotEqualTo(ErrorClasses.INTERNAL);
        return failure;
    }
}
