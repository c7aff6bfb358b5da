package dev.benchdeck.server.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchdeck.server.system.FieldProblem;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CronScheduleTest {

    private final List<FieldProblem> problems = new ArrayList<>();

    private CronSchedule parse(String cron, String zone) {
        return CronSchedule.parse(cron, zone, Duration.ofMinutes(1), problems);
    }

    @Test
    void fiveFieldsAreMinuteHourDayMonthWeekdayInTheZone() {
        CronSchedule schedule = parse("30 3 * * 1-5", "Europe/Paris");

        assertThat(problems).isEmpty();
        // Friday 2026-12-04 12:00 UTC → Monday 2026-12-07 03:30 Paris = 02:30 UTC
        assertThat(schedule.next(Instant.parse("2026-12-04T12:00:00Z"))).isEqualTo(Instant.parse("2026-12-07T02:30:00Z"));
    }

    @Test
    void fireTimesFollowDaylightSavingTime() {
        CronSchedule schedule = parse("0 12 * * *", "Europe/Paris");

        assertThat(schedule.next(Instant.parse("2026-03-28T12:00:00Z"))).isEqualTo(Instant.parse("2026-03-29T10:00:00Z"));
        assertThat(schedule.next(Instant.parse("2026-03-27T12:00:00Z"))).isEqualTo(Instant.parse("2026-03-28T11:00:00Z"));
    }

    @Test
    void sixFieldsHaveSecondsFirstAndMacrosWork() {
        assertThat(CronSchedule.parse("*/5 * * * * *", "UTC", Duration.ofSeconds(1), problems)
                .next(Instant.parse("2026-12-04T12:00:01Z"))).isEqualTo(Instant.parse("2026-12-04T12:00:05Z"));
        assertThat(parse("@daily", null).next(Instant.parse("2026-12-04T12:00:00Z"))).isEqualTo(Instant.parse("2026-12-05T00:00:00Z"));
        assertThat(problems).isEmpty();
    }

    @Test
    void countsTheFireTimesInARange() {
        CronSchedule hourly = parse("0 * * * *", "UTC");

        assertThat(hourly.countBetween(Instant.parse("2026-12-04T00:00:00Z"), Instant.parse("2026-12-04T05:00:00Z"), 100)).isEqualTo(5);
        assertThat(hourly.countBetween(Instant.parse("2026-12-04T00:00:00Z"), Instant.parse("2026-12-04T05:00:00Z"), 3)).isEqualTo(3);
    }

    @Test
    void badExpressionsZonesAndIntervalsSayWhichFieldAndWhy() {
        parse("0 3 * *", "UTC");
        parse("61 * * * *", "Mars/Olympus");
        parse("*/30 * * * * *", "UTC");
        parse("* * * * *", "UTC");
        parse("", "UTC");

        assertThat(problems).extracting(FieldProblem::path).containsExactly("cron", "cron", "time_zone", "cron", "cron");
        assertThat(problems.get(0).message()).contains("4 fields");
        assertThat(problems.get(1).message()).startsWith("does not parse");
        assertThat(problems.get(3).message()).contains("every 30 s").contains("shortest interval allowed is 60 s");
        assertThat(problems.get(4).message()).contains("required");
    }
}
