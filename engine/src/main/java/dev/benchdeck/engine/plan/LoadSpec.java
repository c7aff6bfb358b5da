package dev.benchdeck.engine.plan;

import java.util.List;

/** How load is applied: a closed model (fixed users) or an open model (arrival rate), as steps of a sweep. */
public sealed interface LoadSpec permits LoadSpec.Closed, LoadSpec.Open {

    List<? extends StepSpec> steps();

    /** Users loop request after request; concurrency is fixed, the rate follows the system. */
    record Closed(List<ClosedStep> steps) implements LoadSpec {
        public Closed {
            steps = List.copyOf(steps);
        }
    }

    /**
     * Requests arrive on a schedule independent of answers. At most {@code maxInFlight} run at once;
     * an arrival beyond that is counted as dropped.
     */
    record Open(Arrival arrival, int maxInFlight, List<OpenStep> steps, double burstiness) implements LoadSpec {
        public Open {
            steps = List.copyOf(steps);
        }

        public Open(Arrival arrival, int maxInFlight, List<OpenStep> steps) {
            this(arrival, maxInFlight, steps, 1.0);
        }
    }

    /** The spacing of arrivals in an open model. */
    enum Arrival {
        /** Evenly spaced: one every 1/rate seconds. */
        CONSTANT,
        /** A Poisson process: exponential gaps with mean 1/rate. */
        POISSON,
        /**
         * Gamma-distributed gaps with mean 1/rate and shape {@code burstiness}: 1 is Poisson, below 1
         * burstier (clusters and lulls), above 1 more regular (as vLLM's benchmark defines it).
         */
        GAMMA
    }
}
