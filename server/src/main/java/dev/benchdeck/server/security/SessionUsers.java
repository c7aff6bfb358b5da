package dev.benchdeck.server.security;

import java.util.Optional;

/** The actor of a signed-in session's user: empty when the user is gone or disabled. */
public interface SessionUsers {
    Optional<Actor> forSession(long userId);
}
