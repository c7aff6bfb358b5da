package dev.benchdeck.server.history;

import java.util.Optional;

/**
 * A test of one new value against its baseline, one-sided: it finds only a change for the worse ({@link Direction}).
 * Empty when the value passes, or when the baseline cannot tell (too few runs, no spread), which
 * {@link #applicable} says beforehand.
 */
public sealed interface BaselineTest permits StaticLimit, PercentageChange, ZScore, WelchTTest, InterquartileRange {

    /** The name alerts carry and the settings use. */
    String name();

    boolean applicable(Baseline baseline);

    Optional<Finding> check(double value, Baseline baseline, Direction direction);

    static String format(double v) {
        return Math.abs(v) >= 100 || v == Math.rint(v) ? String.format(java.util.Locale.ROOT, "%.1f", v)
                : String.format(java.util.Locale.ROOT, "%.4g", v);
    }
}
