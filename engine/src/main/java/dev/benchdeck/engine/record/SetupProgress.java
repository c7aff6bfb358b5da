package dev.benchdeck.engine.record;

import org.jspecify.annotations.Nullable;

/**
 * How far a driver's setup phase (creating and loading tables…) has come. {@code total} is 0 when
 * the amount of work is unknown; {@code finished} marks the last report of a phase.
 *
 * @param phase          what is being done, e.g. {@code load}, {@code index}, {@code analyze}
 * @param unit           what {@code done} counts, e.g. {@code rows}
 * @param ratePerSecond  {@code done} per second since the phase began
 * @param elapsedSeconds seconds since the phase began
 */
public record SetupProgress(String phase, @Nullable String message, long done, long total, @Nullable String unit,
                            double ratePerSecond, double elapsedSeconds, boolean finished) {

    /** The share done, 0 to 1, or -1 when the total is unknown. */
    public double fraction() {
        return total <= 0 ? -1 : Math.min(1.0, (double) done / total);
    }
}
