package dev.benchdeck.engine.plan;

import java.time.Duration;

/**
 * One step of a sweep. A step runs {@code ramp} (load grows), then {@code warmup} (load at level,
 * not recorded), then the measured part: {@code duration}, or until {@code requests} have started,
 * whichever comes first ({@code duration} is {@code null} when only a request count is given).
 */
public sealed interface StepSpec permits ClosedStep, OpenStep {

    Duration ramp();

    Duration warmup();

    Duration duration();

    Long requests();

    /** A short label for tables and progress lines: {@code users=50}, {@code rate=200/s}. */
    String label();
}
