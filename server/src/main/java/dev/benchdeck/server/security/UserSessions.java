package dev.benchdeck.server.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Browser sessions of users: signing in (always in a new session, against session fixation), signing
 * out, and ending every session of a user (sign out everywhere, disabling, password changes).
 */
@Component
public class UserSessions {

    static final String USER_ID = "benchdeck.user_id";
    static final String SIGNED_IN_AT = "benchdeck.signed_in_at";

    private final FindByIndexNameSessionRepository<? extends Session> sessions;
    private final AuthenticationCache cache;

    UserSessions(FindByIndexNameSessionRepository<? extends Session> sessions, AuthenticationCache cache) {
        this.sessions = sessions;
        this.cache = cache;
    }

    /** Ends the request's session, if any, and signs the user in in a new one. */
    public void signIn(HttpServletRequest request, long userId, String username) {
        signOut(request);
        HttpSession session = request.getSession(true);
        session.setAttribute(USER_ID, userId);
        session.setAttribute(SIGNED_IN_AT, System.currentTimeMillis());
        // the index that sign-out-everywhere and disabling look sessions up by
        session.setAttribute(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, principal(username));
    }

    public void signOut(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            cache.forgetSession(session.getId());
            session.invalidate();
        }
    }

    /** Ends every session of the user but {@code keepSessionId} (null: all). */
    public void endAll(String username, @Nullable String keepSessionId) {
        for (String id : sessions.findByPrincipalName(principal(username)).keySet()) {
            if (!id.equals(keepSessionId)) {
                sessions.deleteById(id);
                cache.forgetSession(id);
            }
        }
    }

    public static Optional<String> currentSessionId(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return Optional.ofNullable(session == null ? null : session.getId());
    }

    /** Usernames are case-insensitive, so the index is too. */
    private static String principal(String username) {
        return username.toLowerCase(java.util.Locale.ROOT);
    }
}
