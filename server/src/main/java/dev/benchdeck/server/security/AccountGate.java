package dev.benchdeck.server.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Holds a signed-in user at their account until it is in order: a password an admin set must be changed
 * (403 {@code /password-change-required}), and where the admins require two-factor sign-in a browser
 * session without TOTP must enrol first (403 {@code /totp-enrolment-required}).
 */
final class AccountGate extends OncePerRequestFilter {

    private static final String API = "/api/";
    private static final String AUTH = "/api/v1/auth/";
    private static final String ACCOUNT = "/api/v1/account";

    private final TotpPolicy policy;

    AccountGate(TotpPolicy policy) {
        this.policy = policy;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Actor> actor = CurrentActor.get();
        String path = request.getRequestURI();
        if (actor.isEmpty() || !path.startsWith(API) || path.startsWith(AUTH) || isAccountRead(request, path)) {
            chain.doFilter(request, response);
            return;
        }
        if (actor.get().mustChangePassword() && !(path.equals(ACCOUNT + "/password") && "POST".equals(request.getMethod()))) {
            SecurityProblems.write(request, response, 403, "Password change required",
                    "change your password first (POST /api/v1/account/password)", null);
            return;
        }
        if (!actor.get().viaToken() && !actor.get().totpEnabled() && !path.startsWith(ACCOUNT + "/totp") && policy.totpRequired()) {
            SecurityProblems.write(request, response, 403, "TOTP enrolment required",
                    "two-factor sign-in is required: set it up first (POST /api/v1/account/totp)", null);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isAccountRead(HttpServletRequest request, String path) {
        return path.equals(ACCOUNT) && "GET".equals(request.getMethod());
    }
}
