package dev.benchdeck.engine.plan;

import java.time.Duration;

/**
 * A closed-model step: {@code users} concurrent virtual users, each sending its next request when
 * the previous one has finished (plus {@code thinkTime}). Users start evenly over {@code ramp}.
 */
public record ClosedStep(int users, Duration ramp, Duration warmup, Duration duration, Long requests,
                         Duration thinkTime) implements StepSpec {

    @Override
    public String label() {
        return "users=" + users;
    }
}
