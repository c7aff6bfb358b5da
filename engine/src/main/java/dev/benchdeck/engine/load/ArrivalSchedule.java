package dev.benchdeck.engine.load;

import dev.benchdeck.engine.plan.LoadSpec.Arrival;
import java.util.SplittableRandom;

/**
 * The intended start times of an open model's requests. The expected number of arrivals by time t
 * is Λ(t) = ∫ rate; the k-th arrival is at Λ⁻¹(k) for evenly spaced arrivals, and at Λ⁻¹ of a sum
 * of unit exponentials for a Poisson process, or of unit-mean gamma variates (shape = burstiness) for
 * a gamma process. The rate ramps linearly from {@code fromRate} to
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
    private final double burstiness;
    private final double rampCount;
    private double cumulative;
    private double phase;
    private boolean first = true;

    /** Rates are per second; {@code rampNanos} 0 means the rate is {@code toRate} from the start. */
    public ArrivalSchedule(long start, double fromRate, double toRate, long rampNanos, Arrival arrival, long seed) {
        this(start, fromRate, toRate, rampNanos, arrival, seed, 1.0);
    }

    /** With gamma arrivals, {@code burstiness} is the gaps' shape (1 = Poisson). */
    public ArrivalSchedule(long start, double fromRate, double toRate, long rampNanos, Arrival arrival, long seed,
                           double burstiness) {
        this.burstiness = burstiness;
        this.start = start;
        this.from = fromRate / 1e9;
        this.to = toRate / 1e9;
        this.ramp = rampNanos;
        this.arrival = arrival;
        this.random = new SplittableRandom(seed);
        this.rampCount = (from + to) / 2 * ramp;
    }

    /**
     * Shifts evenly spaced arrivals by this fraction of one gap: shard i of N takes phase i/N, so that N agents at
     * rate/N each interleave into the one even stream of the whole rate instead of arriving in groups of N.
     */
    public ArrivalSchedule phase(double fractionOfAGap) {
        this.phase = fractionOfAGap;
        return this;
    }

    /** The next arrival's intended start, in clock nanoseconds. */
    public long next() {
        if (first) {
            first = false;
            if (arrival == Arrival.CONSTANT) {
                return start + Math.round(inverse(phase));
            }
        }
        cumulative += switch (arrival) {
            case CONSTANT -> 1;
            case POISSON -> -Math.log(1 - random.nextDouble());
            case GAMMA -> gamma(burstiness, random) / burstiness;
        };
        return start + Math.round(inverse(arrival == Arrival.CONSTANT ? cumulative + phase : cumulative));
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

    /** A Gamma(shape, 1) variate (Marsaglia and Tsang; shapes below 1 boosted by U^(1/shape)). */
    static double gamma(double shape, SplittableRandom random) {
        if (shape < 1) {
            return gamma(shape + 1, random) * Math.pow(1 - random.nextDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x;
            double v;
            do {
                x = normal(random);
                v = 1 + c * x;
            } while (v <= 0);
            v = v * v * v;
            double u = 1 - random.nextDouble();
            if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }

    private static double normal(SplittableRandom random) {
        // Box–Muller, one of the pair
        double u1 = 1 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
