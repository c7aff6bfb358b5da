package dev.benchdeck.server.schedule;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** A schedule to create or replace. */
public record ScheduleRequest(
        @Schema(description = "five fields (minute hour day-of-month month day-of-week), six with seconds first, or @daily…",
                example = "0 3 * * 1-5") @Size(max = 200) @Nullable String cron,
        @Schema(description = "the zone the cron fields are read in; UTC when absent", example = "Europe/Paris") @Size(max = 64)
        @Nullable String timeZone,
        @Schema(description = "run_once (default) or skip", example = "run_once") @Nullable String missed,
        @Nullable Boolean paused) {
}
