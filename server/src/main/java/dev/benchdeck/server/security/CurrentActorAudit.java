package dev.benchdeck.server.security;

import dev.benchdeck.server.audit.AuditActor;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The audit log's actor: the signed-in user (with id) behind the current request. */
@Component
class CurrentActorAudit implements AuditActor {

    @Override
    public Optional<Actor> current() {
        return CurrentActor.get().map(actor -> new Actor(actor.userId(), actor.username()));
    }
}
