package dev.benchdeck.server.scenario;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** A named plan against a target; {@code estimatedSeconds} is null when a step ends on a request count. */
public record Scenario(long id, String name, String description, long targetId, String targetName, String planYaml,
                       Double estimatedSeconds, Instant createdAt, Instant updatedAt,
                       @Schema(description = "the username of who created it; null for demo content") String createdBy,
                       @JsonIgnore Long createdById) {

    Scenario withEstimate(Double seconds) {
        return new Scenario(id, name, description, targetId, targetName, planYaml, seconds, createdAt, updatedAt, createdBy, createdById);
    }
}
