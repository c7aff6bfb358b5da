package dev.benchdeck.server.token;

import dev.benchdeck.server.security.Actor;
import dev.benchdeck.server.security.BearerTokens;
import dev.benchdeck.server.security.Role;
import dev.benchdeck.server.security.Secrets;
import dev.benchdeck.server.security.TokenScope;
import dev.benchdeck.server.system.NotFoundException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Creates, checks and revokes API tokens. A token is {@code bd_} + 43 characters (32 random bytes);
 * only its SHA-256 is stored (it is random enough that a slow hash adds nothing), and a request with it
 * gets its user's role capped by its widest scope.
 */
@Service
public class TokenService implements BearerTokens {

    public static final String PREFIX = "bd_";
    /** last_used_at is written at most this often per token, so that a busy CI token does not write on every request. */
    static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

    private final TokenRepository tokens;

    TokenService(TokenRepository tokens) {
        this.tokens = tokens;
    }

    /** For the headless command, which has no Spring context. */
    public static TokenService on(JdbcClient jdbc) {
        return new TokenService(new TokenRepository(jdbc));
    }

    /** A new token and, only here, its secret. */
    public record Created(ApiToken token, String secret) {
    }

    public Created create(long userId, String name, List<TokenScope> scopes, @Nullable Instant expiresAt) {
        String secret = Secrets.token(PREFIX);
        String prefix = secret.substring(PREFIX.length(), PREFIX.length() + 8);
        long id = tokens.insert(userId, name, prefix, Secrets.sha256(secret), List.copyOf(scopes), expiresAt);
        // audit: token_created
        return new Created(tokens.find(userId, id).orElseThrow(), secret);
    }

    @Override
    public Optional<Actor> authenticate(String token) {
        if (!token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        return tokens.findLive(Secrets.sha256(token)).map(owner -> {
            if (owner.lastUsedAt() == null || owner.lastUsedAt().isBefore(Instant.now().minus(TOUCH_INTERVAL))) {
                tokens.touch(owner.tokenId());
            }
            Role role = owner.userRole().atMost(TokenScope.widest(owner.scopes()));
            return new Actor(owner.userId(), owner.username(), role, owner.tokenId(), owner.mustChangePassword(), owner.totpEnabled());
        });
    }

    public List<ApiToken> list(long userId) {
        return tokens.listLive(userId);
    }

    public void revoke(long userId, long id) {
        if (!tokens.revoke(userId, id)) {
            throw new NotFoundException("token", id);
        }
        // audit: token_revoked
    }

    public void revokeAll(long userId) {
        tokens.revokeAll(userId);
    }
}
