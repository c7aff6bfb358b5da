package dev.benchdeck.server.audit;

import dev.benchdeck.server.system.Json;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Records actions. The actor comes from {@link AuditActor} (Spring Security's context), the address
 * from the current HTTP request; callers pass only names, ids and settings, never a secret. A failure
 * to write is logged and does not undo the action that already happened.
 */
@Component
public class AuditLog {

    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);
    static final int MAX_DETAIL = 4_000;

    private final AuditRepository entries;
    private final AuditActor actor;

    AuditLog(AuditRepository entries, Optional<AuditActor> actor) {
        this.entries = entries;
        this.actor = actor.orElseGet(SecurityContextActor::new);
    }

    /** For code without a Spring context (the headless commands): entries name {@code actorName} as the actor. */
    public static AuditLog on(org.springframework.jdbc.core.simple.JdbcClient jdbc, String actorName) {
        return new AuditLog(new AuditRepository(jdbc), Optional.of(() -> Optional.of(new AuditActor.Actor(null, actorName))));
    }

    public void record(String action, String objectType, String objectId, String detail) {
        write(actor.current(), action, objectType, objectId, detail);
    }

    /** For actions whose actor is not yet (sign-in) or no longer (sign-out) in the security context. */
    public void recordAs(Long actorId, String actorName, String action, String objectType, Object objectId, Map<String, ?> detail) {
        write(Optional.of(new AuditActor.Actor(actorId, actorName)), action, objectType, objectId == null ? null : String.valueOf(objectId),
                detail == null ? null : Json.write(detail));
    }

    private void write(Optional<AuditActor.Actor> who, String action, String objectType, String objectId, String detail) {
        try {
            entries.insert(who.map(AuditActor.Actor::id).orElse(null), who.map(AuditActor.Actor::name).orElse(null), action,
                    objectType, objectId, address(), detail == null || detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL));
        } catch (RuntimeException e) {
            log.error("Could not write the audit entry {} {} {}: {}", action, objectType, objectId, e.toString());
        }
    }

    /** The same with a detail object written as JSON (names, kinds and ids only). */
    public void record(String action, String objectType, Object objectId, Map<String, ?> detail) {
        record(action, objectType, objectId == null ? null : String.valueOf(objectId), detail == null ? null : Json.write(detail));
    }

    private static String address() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
