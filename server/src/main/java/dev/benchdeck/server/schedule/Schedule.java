package dev.benchdeck.server.schedule;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A scenario's cron schedule as the API shows it. */
public record Schedule(long id, long scenarioId, String scenarioName, String cron, String timeZone,
                       @Schema(description = "run_once: one run for all fire times missed while the server was down; skip: none")
                       String missed,
                       boolean paused,
                       @Schema(description = "the next fire time; null while paused") @Nullable Instant nextFireAt,
                       @Nullable Instant lastFireAt, @Nullable Long lastRunId,
                       @Schema(description = "why the last fire time started no run (the plan no longer validates…)") @Nullable String lastProblem,
                       @Schema(description = "fire times missed while the server was down, all told") long missedFires,
                       @Nullable String createdBy, Instant createdAt, @JsonIgnore @Nullable Long createdById) {
}
