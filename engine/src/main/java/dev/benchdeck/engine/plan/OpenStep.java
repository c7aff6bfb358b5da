package dev.benchdeck.engine.plan;

import java.time.Duration;

/**
 * An open-model step: requests arrive at {@code rate} per second whatever the system's answers,
 * ramping linearly from the previous step's rate (0 for the first) over {@code ramp}.
 */
public record OpenStep(double rate, Duration ramp, Duration warmup, Duration duration, Long requests)
        implements StepSpec {

    @Override
    public String label() {
        return "rate=" + (rate == Math.rint(rate) ? String.valueOf((long) rate) : String.valueOf(rate)) + "/s";
    }

    /** How long the measured part lasts: the duration, or the time {@code requests} take at {@code rate}. */
    public Duration measuredDuration() {
        Duration byCount = requests == null ? null : DurationText.seconds(requests / rate);
        if (duration == null) {
            return byCount;
        }
        return byCount == null || duration.compareTo(byCount) < 0 ? duration : byCount;
    }
}
