package dev.benchdeck.engine.load;

import dev.benchdeck.engine.plan.LoadSpec.Arrival;
import java.util.SplittableRandom;

/**
 * The intended start times of an open model's requests. The expected number of arrivals by time t
 * is Λ(t) = ∫ rate; the k-th arrival is at Λ⁻¹(k) for evenly spaced arrivals, and at Λ⁻¹ of a sum
 * of unit exponentials for a Poisson process. The rate ramps linearly from {@code fromRate} to
 * {@code toRate} over {@code rampNanos}, then stays at {@code toRate}. Times are absolute and never
 * depend on when the caller gets round to asking, so a late dispatcher cannot bend the schedule.
 */
public final class ArrivalSchedule {

    private final long start;
    private final double from;
    private final double to;
    private final double ramp;
    private final Arrival arrival;
    private final SplittableRandom random;
    private final double rampCount;
    private double cumulative;
    private boolean first = true;

    /** Rates are per second; {@code rampNanos} 0 means the rate is {@code toRate} from the start. */
    public ArrivalSchedule(long start, double fromRate, double toRate, long rampNanos, Arrival arrival, long seed) {
        this.start = start;
        this.from = fromRate / 1e9;
        this.to = toRate / 1e9;
        this.ramp = rampNanos;
        this.arrival = arrival;
        this.random = new SplittableRandom(seed);
        this.rampCount = (from + to) / 2 * ramp;
    }

    /** The next arrival's intended start, in clock nanoseconds. */
    public long next() {
        if (first) {
            first = false;
            if (arrival == Arrival.CONSTANT) {
                return start + Math.round(inverse(0));
            }
        }
        cumulative += arrival == Arrival.CONSTANT ? 1 : -Math.log(1 - random.nextDouble());
        return start + Math.round(inverse(cumulative));
    }

    /** Λ⁻¹(k): the time at which k arrivals are expected. */
    private double inverse(double k) {
        if (k <= rampCount && ramp > 0) {
            double a = (to - from) / (2 * ramp);
            if (Math.abs(a) < 1e-30) {
                return k / from;
            }
            // solve a·t² + from·t − k = 0 for the root in [0, ramp]
            return (-from + Math.sqrt(from * from + 4 * a * k)) / (2 * a);
        }
        return ramp + (k - rampCount) / to;
    }
}
