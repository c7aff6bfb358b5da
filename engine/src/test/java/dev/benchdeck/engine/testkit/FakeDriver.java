package dev.benchdeck.engine.testkit;

import dev.benchdeck.engine.driver.Driver;
import dev.benchdeck.engine.driver.DriverFactory;
import dev.benchdeck.engine.driver.DriverSpec;
import dev.benchdeck.engine.driver.Outcome;
import dev.benchdeck.engine.driver.RequestContext;
import dev.benchdeck.engine.driver.Session;
import dev.benchdeck.engine.plan.ConfigNode;
import dev.benchdeck.engine.time.EngineClock;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A driver for engine tests: each operation does what {@link Behaviour} says on the given clock.
 * Its factory ("fake") accepts any target with a {@code url} and an empty workload.
 */
public final class FakeDriver implements DriverSpec, Driver {

    /** What one operation does; runs on the session's thread. */
    @FunctionalInterface
    public interface Behaviour {
        Outcome execute(RequestContext request, EngineClock clock) throws InterruptedException;
    }

    /** What the setup phase does; runs on the engine's thread before the first step. */
    @FunctionalInterface
    public interface Setup {
        void prepare(dev.benchdeck.engine.driver.SetupContext setup)
                throws dev.benchdeck.engine.driver.DriverException, InterruptedException;
    }

    private final Behaviour behaviour;
    private Setup setup = s -> { };
    private java.util.Map<String, Double> gauges = java.util.Map.of();
    private dev.benchdeck.engine.driver.StepFigures stepFigures = dev.benchdeck.engine.driver.StepFigures.NONE;
    private final AtomicInteger sessionsOpened = new AtomicInteger();
    private final AtomicInteger sessionsClosed = new AtomicInteger();
    private EngineClock clock;

    public FakeDriver(Behaviour behaviour) {
        this.behaviour = behaviour;
    }

    /** Each operation advances a stepped clock by {@code nanos} and succeeds. */
    public static FakeDriver taking(FakeClock clock, long nanos) {
        return new FakeDriver((request, c) -> {
            long send = c.nanoTime();
            clock.advance(nanos);
            return Outcome.success(dev.benchdeck.engine.driver.Timings.of(send, c.nanoTime()));
        });
    }

    @Override
    public Driver open(EngineClock clock) {
        this.clock = clock;
        return this;
    }

    @Override
    public Session newSession() {
        sessionsOpened.incrementAndGet();
        return new Session() {
            @Override
            public Outcome execute(RequestContext request) throws InterruptedException {
                return behaviour.execute(request, clock);
            }

            @Override
            public void close() {
                sessionsClosed.incrementAndGet();
            }
        };
    }

    /** Gives the driver a setup phase. */
    public FakeDriver withSetup(Setup setup) {
        this.setup = setup;
        return this;
    }

    /** Makes every step end with these figures of the driver's own. */
    public FakeDriver withStepFigures(dev.benchdeck.engine.driver.StepFigures figures) {
        this.stepFigures = figures;
        return this;
    }

    @Override
    public dev.benchdeck.engine.driver.StepFigures finishStep(int step, long measureStart, long measureEnd, boolean cancelled) {
        return stepFigures;
    }

    /** Gives the driver fixed gauges. */
    public FakeDriver withGauges(java.util.Map<String, Double> gauges) {
        this.gauges = gauges;
        return this;
    }

    @Override
    public void prepare(dev.benchdeck.engine.driver.SetupContext context)
            throws dev.benchdeck.engine.driver.DriverException, InterruptedException {
        setup.prepare(context);
    }

    @Override
    public java.util.Map<String, Double> gauges() {
        return gauges;
    }

    public int sessionsOpened() {
        return sessionsOpened.get();
    }

    public int sessionsClosed() {
        return sessionsClosed.get();
    }

    @Override
    public void close() {
    }

    /** The factory plans name as {@code driver: fake}. */
    public static final class Factory implements DriverFactory {
        @Override
        public String name() {
            return "fake";
        }

        @Override
        public DriverSpec parse(ConfigNode target, ConfigNode workload) {
            if (target.expectObject(Set.of("url"))) {
                target.requiredText("url");
            }
            workload.expectObject(Set.of("driver"));
            return new FakeDriver((r, c) -> Outcome.success(dev.benchdeck.engine.driver.Timings.of(c.nanoTime(), c.nanoTime())));
        }
    }
}
