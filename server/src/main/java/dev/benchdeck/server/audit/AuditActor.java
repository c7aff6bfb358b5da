package dev.benchdeck.server.audit;

import java.util.Optional;

/** Who is acting now: a user's id (when known) and name. The default reads Spring Security's context. */
public interface AuditActor {

    record Actor(Long id, String name) {
    }

    Optional<Actor> current();
}
