package dev.benchdeck.server.notify;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** A webhook as the API shows it: never its secret. */
public record Webhook(long id, String name, String url,
                      @Schema(description = "json (Benchdeck's body), slack (a Slack-compatible {\"text\": …} body) or email (to the url's mailto: addresses over SMTP)") String format,
                      @Schema(description = "run_finished, thresholds_failed, regression_alert") List<String> events,
                      boolean enabled, Instant createdAt) {
}
