package dev.benchdeck.server.token;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.benchdeck.server.audit.AuditLog;
import dev.benchdeck.server.security.Actor;
import dev.benchdeck.server.security.AuthenticationCache;
import dev.benchdeck.server.security.BearerTokens;
import dev.benchdeck.server.security.LocalAgentKey;
import dev.benchdeck.server.security.Role;
import dev.benchdeck.server.security.Secrets;
import dev.benchdeck.server.security.TokenScope;
import dev.benchdeck.server.system.NotFoundException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadFactory;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    private static final Logger LOG = LoggerFactory.getLogger(TokenService.class);
    private final LocalAgentKey localAgents;
    private static final ThreadFactory TOUCHERS = Thread.ofVirtual().name("token-last-used-", 0).factory();

    private final TokenRepository tokens;
    private final AuditLog audit;
    private final AuthenticationCache cache;
    /** Tokens whose last use was written within the interval (in this process; a bounded set, each entry for the interval). */
    private final Cache<Long, Boolean> recentlyTouched = Caffeine.newBuilder().expireAfterWrite(TOUCH_INTERVAL)
            .maximumSize(100_000).build();

    TokenService(TokenRepository tokens, AuditLog audit, AuthenticationCache cache, LocalAgentKey localAgents) {
        this.tokens = tokens;
        this.audit = audit;
        this.cache = cache;
        this.localAgents = localAgents;
    }

    /** For the headless command, which has no Spring context (and only creates tokens). */
    public static TokenService on(JdbcClient jdbc) {
        return new TokenService(new TokenRepository(jdbc), AuditLog.on(jdbc, "headless"), new AuthenticationCache(), new LocalAgentKey());
    }

    /** A new token and, only here, its secret. */
    public record Created(ApiToken token, String secret) {
    }

    public Created create(long userId, String name, List<TokenScope> scopes, @Nullable Instant expiresAt) {
        String secret = Secrets.token(PREFIX);
        String prefix = secret.substring(PREFIX.length(), PREFIX.length() + 8);
        long id = tokens.insert(userId, name, prefix, Secrets.sha256(secret), List.copyOf(scopes), expiresAt);
        audit.record("token_created", "token", id, java.util.Map.of("user_id", userId, "name", name, "prefix", prefix,
                "scopes", scopes.stream().map(TokenScope::value).toList()));
        return new Created(tokens.find(userId, id).orElseThrow(), secret);
    }

    /**
     * The token's actor: from the cache of verified tokens, else from the database. Its last use is written at
     * most once per {@link #TOUCH_INTERVAL} and off the request's thread.
     */
    @Override
    public Optional<Actor> authenticate(String token) {
        if (LocalAgentKey.looksLocal(token)) {
            return localAgents.authenticate(token);
        }
        if (!token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        byte[] hash = Secrets.sha256(token);
        Optional<Actor> actor = cache.token(hash, () -> tokens.findLive(hash).map(owner -> {
            if (owner.lastUsedAt() != null && owner.lastUsedAt().isAfter(Instant.now().minus(TOUCH_INTERVAL))) {
                recentlyTouched.put(owner.tokenId(), Boolean.TRUE); // written lately, by this server before a restart or by another
            }
            Role role = owner.userRole().atMost(TokenScope.widest(owner.scopes()));
            return new AuthenticationCache.CachedToken(new Actor(owner.userId(), owner.username(), role, owner.tokenId(),
                    owner.mustChangePassword(), owner.totpEnabled()), owner.expiresAt());
        }));
        actor.ifPresent(a -> touch(a.tokenId()));
        return actor;
    }

    private void touch(long tokenId) {
        if (recentlyTouched.asMap().putIfAbsent(tokenId, Boolean.TRUE) == null) {
            TOUCHERS.newThread(() -> {
                try {
                    tokens.touch(tokenId);
                } catch (RuntimeException e) {
                    LOG.warn("could not record the last use of API token {}: {}", tokenId, e.toString());
                }
            }).start();
        }
    }

    public List<ApiToken> list(long userId) {
        return tokens.listLive(userId);
    }

    public void revoke(long userId, long id) {
        if (!tokens.revoke(userId, id)) {
            throw new NotFoundException("token", id);
        }
        cache.forgetToken(id);
        audit.record("token_revoked", "token", id, java.util.Map.of("user_id", userId));
    }

    public void revokeAll(long userId) {
        tokens.revokeAll(userId);
        cache.forgetUser(userId);
    }
}
