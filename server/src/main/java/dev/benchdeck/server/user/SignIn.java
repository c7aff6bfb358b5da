package dev.benchdeck.server.user;

import dev.benchdeck.server.security.ApiRefusal;
import dev.benchdeck.server.system.FieldProblem;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Checks a sign-in: limits first, then the password (an unknown user costs the same hash, so that time
 * tells nothing), then TOTP where the user has it. Every failure is the same 401 {@code /sign-in-failed}.
 */
@Service
class SignIn {

    private final UserRepository users;
    private final PasswordEncoder encoder;
    private final SignInThrottle throttle;
    private final TwoFactor twoFactor;
    private final String dummyHash;

    SignIn(UserRepository users, PasswordEncoder encoder, SignInThrottle throttle, TwoFactor twoFactor) {
        this.users = users;
        this.encoder = encoder;
        this.throttle = throttle;
        this.twoFactor = twoFactor;
        this.dummyHash = encoder.encode("a password nobody has, hashed to spend the time of a real check");
    }

    /** The signed-in user, or a refusal (401 sign-in failed or TOTP required, 429 too many attempts). */
    User check(String username, String password, @Nullable String totpCode, String address) {
        throttle.check(username, address);
        Optional<UserRepository.Credentials> found = users.credentials(username);
        boolean matches = encoder.matches(password, found.map(UserRepository.Credentials::passwordHash).orElse(dummyHash));
        if (found.isEmpty() || !matches || !found.get().user().enabled()) {
            throttle.failed(username, address);
            // audit: sign_in_failed
            throw new ApiRefusal(401, "Sign-in failed", "the username or password is wrong");
        }
        UserRepository.Credentials credentials = found.get();
        if (credentials.user().totpEnabled()) {
            if (totpCode == null || totpCode.isBlank()) {
                throw new ApiRefusal(401, "TOTP required", "enter the code from your authenticator app (or a recovery code)",
                        List.of(new FieldProblem("totp_code", "is required")), 0);
            }
            if (!twoFactor.accepts(credentials, totpCode)) {
                throttle.failed(username, address);
                // audit: sign_in_failed
                throw new ApiRefusal(401, "TOTP required", "the code is wrong or was used already",
                        List.of(new FieldProblem("totp_code", "is wrong or was used already")), 0);
            }
        }
        throttle.succeeded(username);
        if (encoder.upgradeEncoding(credentials.passwordHash())) {
            users.setPassword(credentials.user().id(), encoder.encode(password), credentials.user().mustChangePassword());
        }
        users.signedIn(credentials.user().id());
        // audit: sign_in
        return users.find(credentials.user().id()).orElseThrow();
    }
}
