package dev.benchdeck.server.security;

import dev.benchdeck.server.system.DatabaseOutage;
import dev.benchdeck.server.system.ProblemJson;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Finds who is asking: a request with {@code Authorization: Bearer} is its token's actor or is refused
 * (401, never falling back to a cookie); otherwise a signed-in session's user, while the session is
 * younger than the absolute timeout and the user still enabled. Everything else stays anonymous.
 */
final class ActorFilter extends OncePerRequestFilter {

    static final String BEARER = "Bearer ";

    private final BearerTokens tokens;
    private final SessionUsers users;
    private final long absoluteTimeoutMillis;

    ActorFilter(BearerTokens tokens, SessionUsers users, SecurityProperties properties) {
        this.tokens = tokens;
        this.users = users;
        this.absoluteTimeoutMillis = properties.sessionAbsoluteTimeout().toMillis();
    }

    static boolean hasBearer(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        return header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Actor> actor;
        try {
            if (hasBearer(request)) {
                actor = tokens.authenticate(request.getHeader(HttpHeaders.AUTHORIZATION).substring(BEARER.length()).strip());
                if (actor.isEmpty()) {
                    SecurityProblems.write(request, response, 401, SecurityProblems.UNAUTHENTICATED,
                            "the API token is unknown, expired or revoked", null);
                    return;
                }
            } else {
                actor = fromSession(request);
            }
        } catch (RuntimeException e) {
            if (!DatabaseOutage.isCause(e)) {
                throw e;
            }
            response.setHeader(HttpHeaders.RETRY_AFTER, "5");
            ProblemJson.write(response, 503, "Database unavailable",
                    "database unavailable: Benchdeck cannot reach its PostgreSQL right now; try again in a few seconds",
                    request.getRequestURI(), null);
            return;
        }
        if (actor.isPresent()) {
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(new ActorAuthentication(actor.get()));
            SecurityContextHolder.setContext(context);
        }
        chain.doFilter(request, response);
    }

    private Optional<Actor> fromSession(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(UserSessions.USER_ID) instanceof Long userId)) {
            return Optional.empty();
        }
        Object signedInAt = session.getAttribute(UserSessions.SIGNED_IN_AT);
        if (!(signedInAt instanceof Long at) || System.currentTimeMillis() - at > absoluteTimeoutMillis) {
            session.invalidate();
            return Optional.empty();
        }
        Optional<Actor> actor = users.forSession(userId);
        if (actor.isEmpty()) {
            session.invalidate();
        }
        return actor;
    }
}
