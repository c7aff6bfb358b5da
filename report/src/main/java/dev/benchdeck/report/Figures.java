package dev.benchdeck.report;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** How reports write numbers: one place, so the console, Markdown, HTML and JUnit agree. */
public final class Figures {

    public static final String NOT_MEASURED = "-";

    private Figures() {
    }

    /** Milliseconds with sensible precision: 0.123ms, 12.3ms, 1234ms; {@code -} when not measured. */
    public static String ms(@Nullable Double ms) {
        if (ms == null) {
            return NOT_MEASURED;
        }
        if (Math.abs(ms) < 1) {
            return String.format(Locale.ROOT, "%.3fms", ms);
        }
        return Math.abs(ms) < 100 ? String.format(Locale.ROOT, "%.2fms", ms) : String.format(Locale.ROOT, "%.0fms", ms);
    }

    /** {@code 1.734 ms}, {@code 12.5%}, {@code 1200/s}, {@code 3} (a count has no unit). */
    public static String withUnit(String number, @Nullable String unit) {
        if (unit == null || unit.isEmpty()) {
            return number;
        }
        return unit.startsWith("/") || unit.equals("%") ? number + unit : number + " " + unit;
    }

    /** A whole number as it is, else four significant digits. */
    public static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.4g", v);
    }

    /** A metric's value in its unit, for tables: {@code 12.34ms}, {@code 1,234.5/s}, {@code 0.50%}, {@code 1,200}. */
    public static String value(@Nullable Double v, String unit) {
        if (v == null) {
            return NOT_MEASURED;
        }
        return switch (unit) {
            case "ms" -> ms(v);
            case "%" -> String.format(Locale.ROOT, "%.2f%%", v);
            case "" -> v == Math.rint(v) ? String.format(Locale.ROOT, "%,d", (long) (double) v) : String.format(Locale.ROOT, "%,.2f", v);
            default -> withUnit(String.format(Locale.ROOT, "%,.1f", v), unit);
        };
    }

    /** A signed difference in the metric's unit ({@code +1.20ms}, {@code -3.5/s}; the error rate in points, {@code +0.40 pp}). */
    public static String delta(@Nullable Double v, String unit) {
        if (v == null) {
            return NOT_MEASURED;
        }
        String sign = v > 0 ? "+" : "";
        return "%".equals(unit) ? String.format(Locale.ROOT, "%+.2f pp", v) : sign + value(v, unit);
    }

    /** A signed percentage ({@code +12.3%}), {@code -} when there is none (baseline 0). */
    public static String percent(@Nullable Double v) {
        return v == null ? NOT_MEASURED : String.format(Locale.ROOT, "%+.1f%%", v);
    }

    /** A p-value: {@code 0.0005}, {@code 0.43}, {@code < 0.001}. */
    public static String pValue(double p) {
        return p < 0.001 ? "< 0.001" : String.format(Locale.ROOT, "%.3f", p);
    }

    /** A confidence as a percentage: {@code 99 %}, {@code 99.9 %}. */
    public static String confidence(double c) {
        return number(Math.round(c * 1000) / 10.0) + " %";
    }
}
