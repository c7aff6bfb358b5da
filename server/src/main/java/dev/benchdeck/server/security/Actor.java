package dev.benchdeck.server.security;

import org.jspecify.annotations.Nullable;

/**
 * The signed-in user behind a request.
 *
 * @param role what this request may do: the user's role, capped by the token's scopes when a token is used
 * @param tokenId the API token used, null for a browser session
 */
public record Actor(long userId, String username, Role role, @Nullable Long tokenId, boolean mustChangePassword,
                    boolean totpEnabled) {

    public boolean viaToken() {
        return tokenId != null;
    }

    /** Admins change anything; editors what they created; viewers nothing. */
    public boolean mayChange(@Nullable Long createdById) {
        return role == Role.ADMIN || (role == Role.EDITOR && createdById != null && createdById == userId);
    }
}
