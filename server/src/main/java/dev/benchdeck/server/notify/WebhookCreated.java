package dev.benchdeck.server.notify;

import io.swagger.v3.oas.annotations.media.Schema;

/** A new webhook and its signing secret, shown this once. */
public record WebhookCreated(Webhook webhook,
                             @Schema(description = "signs each body (X-Benchdeck-Signature); shown only now") String secret) {
}
