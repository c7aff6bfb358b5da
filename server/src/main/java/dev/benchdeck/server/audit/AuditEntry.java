package dev.benchdeck.server.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One audit row as the API shows it. {@code detail} is text (often JSON) that never holds a secret. */
public record AuditEntry(long id, Instant at, @Nullable String actor, String action, @Nullable String objectType,
                         @Nullable String objectId, @Nullable String address, @Nullable String detail) {
}
