package dev.benchdeck.server.schedule;

import dev.benchdeck.server.system.FieldProblem;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.scheduling.support.CronExpression;

/**
 * A cron expression in a time zone: the standard five fields (minute hour day-of-month month day-of-week), six
 * with seconds first, or a macro ({@code @hourly}, {@code @daily}, {@code @weekly}, {@code @monthly}, {@code @yearly}).
 * Fire times follow the zone's clock, daylight saving included.
 */
public final class CronSchedule {

    private final CronExpression expression;
    private final ZoneId zone;

    private CronSchedule(CronExpression expression, ZoneId zone) {
        this.expression = expression;
        this.zone = zone;
    }

    /** Parses and checks; every problem has its field path ({@code cron}, {@code time_zone}). */
    static CronSchedule parse(@Nullable String cron, @Nullable String timeZone, Duration minInterval, List<FieldProblem> problems) {
        CronExpression expression = null;
        if (cron == null || cron.isBlank()) {
            problems.add(new FieldProblem("cron", "is required, e.g. \"0 3 * * *\" (03:00 every day)"));
        } else {
            String text = cron.strip();
            int fields = text.split("\\s+").length;
            if (!text.startsWith("@") && fields != 5 && fields != 6) {
                problems.add(new FieldProblem("cron", "has " + fields + " fields; use five (minute hour day-of-month month day-of-week)"
                        + " or six (seconds first)"));
            } else {
                try {
                    expression = CronExpression.parse(fields == 5 && !text.startsWith("@") ? "0 " + text : text);
                } catch (IllegalArgumentException e) {
                    problems.add(new FieldProblem("cron", "does not parse: " + e.getMessage()));
                }
            }
        }
        ZoneId zone = null;
        try {
            zone = ZoneId.of(timeZone == null || timeZone.isBlank() ? "UTC" : timeZone.strip());
        } catch (DateTimeException e) {
            problems.add(new FieldProblem("time_zone", "is not a time zone (use a region such as Europe/Paris, or UTC)"));
        }
        if (expression == null || zone == null) {
            return null;
        }
        CronSchedule schedule = new CronSchedule(expression, zone);
        Instant first = schedule.next(Instant.now());
        if (first == null) {
            problems.add(new FieldProblem("cron", "never fires"));
        } else {
            Instant second = schedule.next(first);
            if (second != null && Duration.between(first, second).compareTo(minInterval) < 0) {
                problems.add(new FieldProblem("cron", "fires every " + Duration.between(first, second).toSeconds()
                        + " s; the shortest interval allowed is " + minInterval.toSeconds() + " s"));
            }
        }
        return schedule;
    }

    /** Parses a stored expression (it was checked when stored). */
    static CronSchedule stored(String cron, String timeZone) {
        List<FieldProblem> problems = new ArrayList<>();
        CronSchedule schedule = parse(cron, timeZone, Duration.ZERO, problems);
        if (schedule == null) {
            throw new IllegalStateException("stored schedule does not parse: " + problems);
        }
        return schedule;
    }

    /** The first fire time strictly after {@code after}; null when there is none. */
    @Nullable
    Instant next(Instant after) {
        ZonedDateTime next = expression.next(after.atZone(zone));
        return next == null ? null : next.toInstant();
    }

    /** How many fire times lie in (from, to], counted up to {@code cap}. */
    long countBetween(Instant from, Instant to, long cap) {
        long count = 0;
        for (Instant t = next(from); t != null && !t.isAfter(to) && count < cap; t = next(t)) {
            count++;
        }
        return count;
    }

    ZoneId zone() {
        return zone;
    }
}
