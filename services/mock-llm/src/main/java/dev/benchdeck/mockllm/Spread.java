package dev.benchdeck.mockllm;

import java.util.random.RandomGenerator;

/** A mean with a uniform jitter: every draw lies in [mean - spread, mean + spread]; spread 0 is exact. */
record Spread(long mean, long spread) {

    static Spread exact(long value) {
        return new Spread(value, 0);
    }

    long draw(RandomGenerator random) {
        return spread == 0 ? mean : mean - spread + random.nextLong(2 * spread + 1);
    }
}
