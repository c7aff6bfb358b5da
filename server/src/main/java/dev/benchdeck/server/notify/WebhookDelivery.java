package dev.benchdeck.server.notify;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One notification to one webhook and how its attempts went. */
public record WebhookDelivery(long id, long webhookId, String event, @Nullable Long runId,
                              @Schema(description = "pending, delivered or failed") String status, int attempts,
                              @Nullable Instant nextAttemptAt,
                              @Schema(description = "the HTTP status of the last answer") @Nullable Integer lastStatus,
                              @Nullable String lastError,
                              @Schema(description = "the start of the last answer's body") @Nullable String lastAnswer,
                              Instant createdAt, @Nullable Instant deliveredAt) {
}
