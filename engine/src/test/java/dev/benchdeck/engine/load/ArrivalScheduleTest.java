package dev.benchdeck.engine.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.benchdeck.engine.plan.LoadSpec.Arrival;
import org.junit.jupiter.api.Test;

class ArrivalScheduleTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void spacesConstantArrivalsExactly() {
        ArrivalSchedule schedule = new ArrivalSchedule(5 * SECOND, 0, 200, 0, Arrival.CONSTANT, 1);
        assertThat(schedule.next()).isEqualTo(5 * SECOND);
        assertThat(schedule.next()).isEqualTo(5 * SECOND + 5_000_000);
        for (int i = 2; i < 200; i++) {
            schedule.next();
        }
        assertThat(schedule.next()).isEqualTo(6 * SECOND); // the 201st arrival opens the next second
    }

    @Test
    void shardsOfAConstantRateInterleaveIntoTheWholeRatesScheduleRampIncluded() {
        for (int shards : new int[] {1, 2, 3, 7}) {
            // the whole: a ramp from 60 to 420 per second over 2 s, then 420
            ArrivalSchedule whole = new ArrivalSchedule(SECOND, 60, 420, 2 * SECOND, Arrival.CONSTANT, 1);
            java.util.List<Long> expected = new java.util.ArrayList<>();
            for (int k = 0; k < 1500; k++) {
                expected.add(whole.next());
            }
            java.util.List<Long> merged = new java.util.ArrayList<>();
            for (int i = 0; i < shards; i++) {
                ArrivalSchedule shard = new ArrivalSchedule(SECOND, 60.0 / shards, 420.0 / shards, 2 * SECOND, Arrival.CONSTANT, 1)
                        .phase((double) i / shards);
                for (int k = 0; k < 1500 / shards + 1; k++) {
                    merged.add(shard.next());
                }
            }
            java.util.Collections.sort(merged);
            for (int k = 0; k < expected.size(); k++) {
                // each arrival of the whole is some shard's, to the nanosecond's rounding
                assertThat(merged.get(k)).as("arrival %d of %d shards", k, shards).isCloseTo(expected.get(k), within(2L));
            }
        }
    }

    @Test
    void poissonGapsHaveTheRightMeanAndSpread() {
        double[] gaps = gapMeanAndSd(new ArrivalSchedule(0, 0, 1000, 0, Arrival.POISSON, 42));
        assertThat(gaps[0]).isCloseTo(1.0, within(0.01)); // 1 ms at 1000/s
        assertThat(gaps[1]).isCloseTo(1.0, within(0.02)); // exponential: sd equals mean
    }

    @Test
    void gammaGapsKeepTheMeanAndSpreadBySqrtOfOneOverBurstiness() {
        // burstiness b: gaps Gamma(b) / b per unit rate, so mean 1/rate and sd (1/rate)/sqrt(b)
        for (double b : new double[] {0.25, 1.0, 4.0}) {
            double[] gaps = gapMeanAndSd(new ArrivalSchedule(0, 0, 1000, 0, Arrival.GAMMA, 7, b));
            assertThat(gaps[0]).as("mean at burstiness %s", b).isCloseTo(1.0, within(0.02));
            assertThat(gaps[1]).as("sd at burstiness %s", b).isCloseTo(1 / Math.sqrt(b), within(0.05 / Math.sqrt(b)));
        }
    }

    @Test
    void rampsLinearlyBetweenRates() {
        // from 0 to 100/s over 10 s: 500 arrivals expected during the ramp, then 100 per second
        ArrivalSchedule schedule = new ArrivalSchedule(0, 0, 100, 10 * SECOND, Arrival.CONSTANT, 1);
        int inRamp = 0;
        int inNextSecond = 0;
        long t;
        while ((t = schedule.next()) < 11 * SECOND) {
            if (t < 10 * SECOND) {
                inRamp++;
            } else {
                inNextSecond++;
            }
        }
        assertThat(inRamp).isEqualTo(500);
        assertThat(inNextSecond).isEqualTo(100);
    }

    @Test
    void rampsDownToo() {
        ArrivalSchedule schedule = new ArrivalSchedule(0, 400, 200, 2 * SECOND, Arrival.CONSTANT, 1);
        int inRamp = 0;
        while (schedule.next() < 2 * SECOND) {
            inRamp++;
        }
        assertThat(inRamp).isEqualTo(600); // mean rate 300/s over 2 s
    }

    /** Mean and standard deviation (ms) of 200,000 gaps between consecutive arrivals. */
    private static double[] gapMeanAndSd(ArrivalSchedule schedule) {
        int n = 200_000;
        long previous = 0;
        double sum = 0;
        double sumSquares = 0;
        for (int i = 0; i < n; i++) {
            long t = schedule.next();
            double gap = (t - previous) / 1e6;
            sum += gap;
            sumSquares += gap * gap;
            previous = t;
        }
        double mean = sum / n;
        return new double[] {mean, Math.sqrt(sumSquares / n - mean * mean)};
    }
}
