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
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Finds who is asking: a request with {@code Authorization: Bearer} is its token's actor or is refused
 * (401, never falling back to a cookie); otherwise a signed-in session's user, while the session is
 * younger than the absolute timeout and the user still enabled. Everything else stays anonymous. Both are
 * answered from the {@link AuthenticationCache} when they were verified lately.
 */
final class ActorFilter extends OncePerRequestFilter {

    static final String BEARER = "Bearer ";

    private final BearerTokens tokens;
    private final SessionUsers users;
    private final AuthenticationCache cache;
    private final CookieSerializer sessionIds;
    private final long absoluteTimeoutMillis;

    ActorFilter(BearerTokens tokens, SessionUsers users, AuthenticationCache cache, CookieSerializer sessionIds,
                SecurityProperties properties) {
        this.tokens = tokens;
        this.users = users;
        this.cache = cache;
        this.sessionIds = sessionIds;
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
                // the local agents' key works for the agents' endpoints only
                if (actor.isEmpty() || LocalAgentKey.isLocalAgent(actor.get()) && !request.getRequestURI().startsWith("/api/v1/agents")) {
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

    /**
     * The session's actor: from the cache when the session was verified lately (no database round trip, and so no
     * write of its last access either: that happens when the entry is re-read), else from Spring Session's row.
     */
    private Optional<Actor> fromSession(HttpServletRequest request) {
        for (String id : sessionIds.readCookieValues(request)) {
            Optional<AuthenticationCache.CachedSession> cached = cache.session(id);
            if (cached.isPresent() && !pastAbsoluteTimeout(cached.get().signedInAt())) {
                return Optional.of(cached.get().actor());
            }
        }
        long generation = cache.generation();
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(UserSessions.USER_ID) instanceof Long userId)) {
            return Optional.empty();
        }
        Object signedInAt = session.getAttribute(UserSessions.SIGNED_IN_AT);
        if (!(signedInAt instanceof Long at) || pastAbsoluteTimeout(at)) {
            end(session);
            return Optional.empty();
        }
        Optional<Actor> actor = users.forSession(userId);
        if (actor.isEmpty()) {
            end(session);
        } else {
            cache.putSession(session.getId(), new AuthenticationCache.CachedSession(actor.get(), at), generation);
        }
        return actor;
    }

    private boolean pastAbsoluteTimeout(long signedInAt) {
        return System.currentTimeMillis() - signedInAt > absoluteTimeoutMillis;
    }

    private void end(HttpSession session) {
        cache.forgetSession(session.getId());
        session.invalidate();
    }
}
