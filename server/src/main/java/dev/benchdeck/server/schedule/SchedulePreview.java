package dev.benchdeck.server.schedule;

import dev.benchdeck.server.system.FieldProblem;
import java.time.Instant;
import java.util.List;

/** What a cron expression means: its next fire times, or its problems with their fields. */
public record SchedulePreview(boolean valid, List<FieldProblem> problems, List<Instant> nextFireTimes) {
}
