package dev.benchdeck.server.notify;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A webhook to create or replace (its secret is made by the server and shown once, on creation). */
public record WebhookRequest(@NotBlank @Size(max = 100) @Nullable String name,
                             @Schema(example = "https://hooks.example.com/benchdeck") @NotBlank @Size(max = 2000) @Nullable String url,
                             @Schema(description = "json (default), slack, or email (url mailto:a@example.com,b@example.com; needs benchdeck.notifications.smtp)") @Nullable String format,
                             @Schema(description = "run_finished, thresholds_failed, regression_alert; all when absent") @Nullable List<String> events,
                             @Nullable Boolean enabled) {
}
