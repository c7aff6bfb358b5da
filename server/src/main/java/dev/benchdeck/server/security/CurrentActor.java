package dev.benchdeck.server.security;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The actor of the current request, and the object-level checks services make with it. */
public final class CurrentActor {

    private CurrentActor() {
    }

    public static Optional<Actor> get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof Actor actor ? Optional.of(actor) : Optional.empty();
    }

    /** The signed-in actor; the URL rules let no anonymous request get this far. */
    public static Actor require() {
        return get().orElseThrow(() -> new AccessDeniedException("not signed in"));
    }

    /** The id to record as creator: the actor's, or null where there is none (demo content, background work, the local agents). */
    public static @Nullable Long userId() {
        return get().filter(actor -> !LocalAgentKey.isLocalAgent(actor)).map(Actor::userId).orElse(null);
    }

    public static @Nullable String username() {
        return get().map(Actor::username).orElse(null);
    }

    /** Refuses (403) unless the actor may change an object created by {@code createdById}. */
    public static void requireMayChange(@Nullable Long createdById, String what) {
        Actor actor = require();
        if (!actor.mayChange(createdById)) {
            throw new AccessDeniedException(actor.role() == Role.VIEWER ? "viewers cannot change anything"
                    : "only its creator or an admin can change this " + what);
        }
    }

    /** Refuses (403) unless the actor's role (capped by its token) includes {@code role}. */
    public static void requireRole(Role role) {
        if (!require().role().includes(role)) {
            throw new AccessDeniedException("this needs the " + role.value() + " role");
        }
    }
}
