package dev.benchdeck.server.audit;

import java.time.Instant;

/** One audit row as the API shows it. {@code detail} is text (often JSON) that never holds a secret. */
public record AuditEntry(long id, Instant at, String actor, String action, String objectType, String objectId,
                         String address, String detail) {
}
