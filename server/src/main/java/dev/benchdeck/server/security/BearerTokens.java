package dev.benchdeck.server.security;

import java.util.Optional;

/** Resolves an API token (the text after {@code Bearer }) to its actor: empty when unknown, expired, revoked or its user disabled. */
public interface BearerTokens {
    Optional<Actor> authenticate(String token);
}
