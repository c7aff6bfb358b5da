package dev.benchdeck.engine.plan;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write them in plans: {@code 250ms}, {@code 10s}, {@code 1.5m}, {@code 1h30m}, or a number of seconds. */
public final class DurationText {

    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(us|µs|ms|s|m|h)");

    private DurationText() {
    }

    /** Parses a duration or throws {@link IllegalArgumentException} with a message fit for a person. */
    public static Duration parse(String text) {
        String s = text.trim();
        if (s.matches("\\d+(\\.\\d+)?")) {
            return seconds(Double.parseDouble(s));
        }
        Matcher m = PART.matcher(s);
        long nanos = 0;
        int at = 0;
        while (at < s.length() && m.find(at) && m.start() == at) {
            nanos += (long) (Double.parseDouble(m.group(1)) * unitNanos(m.group(2)));
            at = m.end();
        }
        if (at == 0 || at != s.length()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration (e.g. 250ms, 10s, 2m, 1h30m)");
        }
        return Duration.ofNanos(nanos);
    }

    public static Duration seconds(double seconds) {
        return Duration.ofNanos((long) (seconds * 1e9));
    }

    /** The shortest usual text for a duration: 250ms, 10s, 1m30s. */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms % 1000 != 0 || ms == 0) {
            return ms + "ms";
        }
        long s = ms / 1000;
        if (s < 60) {
            return s + "s";
        }
        long m = s / 60;
        return (s % 60 == 0) ? m + "m" : m + "m" + (s % 60) + "s";
    }

    private static long unitNanos(String unit) {
        return switch (unit) {
            case "us", "µs" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            case "h" -> 3_600_000_000_000L;
            default -> throw new IllegalArgumentException(unit);
        };
    }
}
