package dev.benchdeck.engine.load;

import dev.benchdeck.engine.driver.AsyncSession;
import dev.benchdeck.engine.driver.Driver;
import dev.benchdeck.engine.driver.DriverSpec;
import dev.benchdeck.engine.driver.Outcome;
import dev.benchdeck.engine.driver.RequestContext;
import dev.benchdeck.engine.driver.Session;
import dev.benchdeck.engine.testkit.FakeClock;
import dev.benchdeck.engine.testkit.FakeDriver;
import dev.benchdeck.engine.time.EngineClock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** A {@link FakeDriver} with {@link AsyncSession}s: operations run on one I/O thread and call back there. */
final class AsyncFakeDriver implements DriverSpec, Driver {

    private final FakeDriver.Behaviour behaviour;
    private final AtomicInteger sessionsOpened = new AtomicInteger();
    private final AtomicInteger sessionsClosed = new AtomicInteger();
    private EngineClock clock;
    private ExecutorService io;

    AsyncFakeDriver(FakeDriver.Behaviour behaviour) {
        this.behaviour = behaviour;
    }

    /** Each operation advances a stepped clock by {@code nanos} and succeeds. */
    static AsyncFakeDriver taking(FakeClock clock, long nanos) {
        return new AsyncFakeDriver((request, c) -> {
            long send = c.nanoTime();
            clock.advance(nanos);
            return Outcome.success(dev.benchdeck.engine.driver.Timings.of(send, c.nanoTime()));
        });
    }

    @Override
    public Driver open(EngineClock clock) {
        this.clock = clock;
        io = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("fake-io").factory());
        return this;
    }

    @Override
    public Session newSession() {
        sessionsOpened.incrementAndGet();
        return new AsyncSession() {
            @Override
            public void submit(RequestContext request, Consumer<Outcome> done) {
                io.execute(() -> {
                    try {
                        done.accept(behaviour.execute(request, clock));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            }

            @Override
            public Outcome execute(RequestContext request) {
                throw new AssertionError("the engine must submit to an async session when there is no think time");
            }

            @Override
            public void close() {
                sessionsClosed.incrementAndGet();
            }
        };
    }

    int sessionsOpened() {
        return sessionsOpened.get();
    }

    int sessionsClosed() {
        return sessionsClosed.get();
    }

    @Override
    public void close() {
        io.shutdownNow();
    }
}
