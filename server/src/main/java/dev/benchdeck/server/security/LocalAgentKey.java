package dev.benchdeck.server.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The credential of the load agents this server starts itself ({@code LocalAgents}): made at random at each start,
 * handed to them in their environment, never stored or logged. It acts as an editor with the {@code run} scope and no
 * user of its own: what it registers belongs to nobody, and only it (or an admin) drives those agents.
 */
@Component
public class LocalAgentKey {

    static final String PREFIX = "bdl_";
    /** The actor's user id: no user has it (ids start at 1), so nothing records it as a creator. */
    static final long NO_USER = -1;
    private static final String NAME = "local-agent";

    private final String secret = Secrets.token(PREFIX);

    /** The secret, for the agents' environment only. */
    public String secret() {
        return secret;
    }

    /** The local agents' actor when the token is this start's secret. */
    public Optional<Actor> authenticate(String token) {
        boolean same = MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), secret.getBytes(StandardCharsets.UTF_8));
        return same ? Optional.of(new Actor(NO_USER, NAME, Role.EDITOR, NO_USER, false, false)) : Optional.empty();
    }

    public static boolean looksLocal(String token) {
        return token.startsWith(PREFIX);
    }

    public static boolean isLocalAgent(Actor actor) {
        return actor.userId() == NO_USER;
    }
}
