package dev.benchdeck.driver.jdbc.ops;

import java.util.SplittableRandom;

/** Picks a whole number from a fixed range for each operation; shared by sessions, each with its own random. */
public interface KeyChooser {

    long next(SplittableRandom random);

    static KeyChooser uniform(long min, long max) {
        return new Uniform(min, max);
    }

    /** Uniform over {@code [min, max]}. */
    record Uniform(long min, long max) implements KeyChooser {

        @Override
        public long next(SplittableRandom random) {
            return max == Long.MAX_VALUE && min == Long.MIN_VALUE ? random.nextLong() : random.nextLong(min, max + 1);
        }
    }
}
