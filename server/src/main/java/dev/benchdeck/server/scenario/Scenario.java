package dev.benchdeck.server.scenario;

import java.time.Instant;

/** A named plan against a target; {@code estimatedSeconds} is null when a step ends on a request count. */
public record Scenario(long id, String name, String description, long targetId, String targetName, String planYaml,
                       Double estimatedSeconds, Instant createdAt, Instant updatedAt) {

    Scenario withEstimate(Double seconds) {
        return new Scenario(id, name, description, targetId, targetName, planYaml, seconds, createdAt, updatedAt);
    }
}
