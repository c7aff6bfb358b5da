package dev.benchdeck.server.audit;

import java.util.Optional;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The authenticated name in Spring Security's context; nobody for anonymous requests and background work. */
final class SecurityContextActor implements AuditActor {

    @Override
    public Optional<Actor> current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken || auth.getName() == null) {
            return Optional.empty();
        }
        return Optional.of(new Actor(null, auth.getName()));
    }
}
