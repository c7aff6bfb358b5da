package dev.benchdeck.server.user;

import dev.benchdeck.server.security.Role;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** An account as the API shows it (never its password hash or TOTP secret). */
public record User(long id, String username, Role role, boolean enabled, boolean totpEnabled, boolean mustChangePassword,
                   Instant createdAt, @Nullable Instant lastSignInAt) {
}
