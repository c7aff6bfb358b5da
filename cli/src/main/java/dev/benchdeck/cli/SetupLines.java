package dev.benchdeck.cli;

import dev.benchdeck.engine.record.SetupProgress;
import java.util.Locale;

/**
 * How a driver's setup phases read on the console: a progress line while a phase runs, a summary
 * once it is done. Only rows get a rate; other units (connections, steps) are too few for one.
 */
final class SetupLines {

    private SetupLines() {
    }

    /** {@code setup load     450,000/1,000,000 rows  45%  180,000 rows/s}. */
    static String progress(SetupProgress p) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "setup %-8s ", p.phase()));
        if (p.total() > 0) {
            line.append(String.format(Locale.ROOT, "%,d/%,d %s  %.0f%%", p.done(), p.total(), p.unit(),
                    p.fraction() * 100));
        } else {
            line.append(String.format(Locale.ROOT, "%,d %s", p.done(), p.unit()));
        }
        if (p.elapsedSeconds() > 0 && p.done() > 0 && "rows".equals(p.unit())) {
            line.append(String.format(Locale.ROOT, "  %,.0f %s/s", p.ratePerSecond(), p.unit()));
        }
        return line.append("  ").append(p.message()).toString();
    }

    /** {@code setup load     1,000,000 rows in 3.21s (311,526 rows/s)  COPY into …}. */
    static String finished(SetupProgress p) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "setup %-8s ", p.phase()));
        boolean counted = p.total() > 1 || "rows".equals(p.unit());
        if (counted) {
            line.append(String.format(Locale.ROOT, "%,d %s in %s", p.done(), p.unit(), seconds(p.elapsedSeconds())));
            if (p.elapsedSeconds() > 0 && "rows".equals(p.unit())) {
                line.append(String.format(Locale.ROOT, " (%,.0f %s/s)", p.ratePerSecond(), p.unit()));
            }
        } else {
            line.append(seconds(p.elapsedSeconds()));
        }
        return line.append("  ").append(p.message()).toString();
    }

    private static String seconds(double s) {
        return s < 10 ? String.format(Locale.ROOT, "%.2fs", s) : String.format(Locale.ROOT, "%.1fs", s);
    }
}
