package dev.benchdeck.driver.jdbc.ops;

import dev.benchdeck.driver.jdbc.config.ParamSpec;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/** Sets one {@code ?} of a custom statement; shared by every session of the run (their randoms differ). */
public interface ParamGenerator {

    void bind(PreparedStatement statement, int index, SplittableRandom random) throws SQLException;

    static ParamGenerator of(ParamSpec spec) {
        return switch (spec) {
            case ParamSpec.Uniform u -> keys(KeyChooser.uniform(u.min(), u.max()));
            case ParamSpec.Zipfian z -> keys(new ZipfianKeys(z.min(), z.max(), z.skew()));
            case ParamSpec.Sequence s -> new Sequence(new AtomicLong(s.start()));
            case ParamSpec.FromFile f -> new Cycle(f.values().toArray(), new AtomicLong());
        };
    }

    private static ParamGenerator keys(KeyChooser keys) {
        return (statement, index, random) -> statement.setLong(index, keys.next(random));
    }

    static List<ParamGenerator> all(List<ParamSpec> specs) {
        return specs.stream().map(ParamGenerator::of).toList();
    }

    /** start, start + 1, … across the run. */
    record Sequence(AtomicLong next) implements ParamGenerator {

        @Override
        public void bind(PreparedStatement statement, int index, SplittableRandom random) throws SQLException {
            statement.setLong(index, next.getAndIncrement());
        }
    }

    /** A file's values in turn, from the first again after the last; whole numbers as bigint, others as text. */
    record Cycle(Object[] values, AtomicLong position) implements ParamGenerator {

        @Override
        public void bind(PreparedStatement statement, int index, SplittableRandom random) throws SQLException {
            Object value = values[(int) (position.getAndIncrement() % values.length)];
            if (value instanceof Long number) {
                statement.setLong(index, number);
            } else {
                statement.setString(index, (String) value);
            }
        }
    }
}
