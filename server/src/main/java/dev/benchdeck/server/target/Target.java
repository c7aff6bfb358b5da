package dev.benchdeck.server.target;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A system under test as the API shows it: never its credentials, only whether it has some; who created it. */
public record Target(long id, String name,
                     @Schema(allowableValues = {TargetKinds.HTTP, TargetKinds.POSTGRES, TargetKinds.LLM, TargetKinds.AUTOMATION, TargetKinds.GATEWAY, TargetKinds.INGESTOR}) String kind,
                     String url,
                     @Schema(type = "object", additionalProperties = Schema.AdditionalPropertiesValue.TRUE) Map<String, Object> options,
                     boolean hasCredentials, Instant createdAt, Instant updatedAt,
                     @Schema(description = "the username of who created it; null for demo content") @Nullable String createdBy,
                     @JsonIgnore @Nullable Long createdById) {
}
