package dev.benchdeck.driver.jdbc.config;

import java.util.List;

/** How one {@code ?} of a custom statement gets its value for each operation. */
public sealed interface ParamSpec {

    /** A whole number drawn uniformly from {@code [min, max]}. */
    record Uniform(long min, long max) implements ParamSpec {
    }

    /** A whole number from {@code [min, max]}, Zipfian: {@code min} is the hottest value. */
    record Zipfian(long min, long max, double skew) implements ParamSpec {
    }

    /** {@code start}, {@code start + 1}, … shared by every user of the run. */
    record Sequence(long start) implements ParamSpec {
    }

    /**
     * The values of a file's column in turn, cycling. Each value is a {@link Long} when every value
     * of the column is a whole number, else a {@link String}.
     */
    record FromFile(String file, String column, List<Object> values) implements ParamSpec {

        public FromFile {
            values = List.copyOf(values);
        }
    }
}
