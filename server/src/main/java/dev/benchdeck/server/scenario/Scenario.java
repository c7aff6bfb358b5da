package dev.benchdeck.server.scenario;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A named plan against a target; {@code estimatedSeconds} is null when a step ends on a request count. */
public record Scenario(long id, String name, @Nullable String description, long targetId, String targetName, String planYaml,
                       @Nullable Double estimatedSeconds, Instant createdAt, Instant updatedAt,
                       @Schema(description = "the username of who created it; null for demo content") @Nullable String createdBy,
                       @JsonIgnore @Nullable Long createdById,
                       @Schema(description = "made by an upload whose scenario name matched none: it holds history, nothing runs it")
                       boolean historyOnly) {

    Scenario withEstimate(Double seconds) {
        return new Scenario(id, name, description, targetId, targetName, planYaml, seconds, createdAt, updatedAt, createdBy, createdById,
                historyOnly);
    }
}
