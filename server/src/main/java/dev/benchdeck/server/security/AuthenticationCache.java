package dev.benchdeck.server.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Verified API tokens and signed-in sessions, kept briefly so that an authenticated request costs the database
 * nothing: keyed by the SHA-256 of the token or session id (never the secret itself), bounded, each entry
 * re-read after {@link #TTL}, and forgotten at once on revocation, sign-out and every change of a user that
 * an actor depends on (role, enabled, password, TOTP).
 *
 * <p>In this process only: with several server replicas, a change made on one would stay unseen by the others
 * for up to {@link #TTL}; they would need a shared invalidation signal (e.g. PostgreSQL LISTEN/NOTIFY).
 * The headless commands only create users and tokens, which no cache holds yet.
 */
@Component
public class AuthenticationCache {

    static final Duration TTL = Duration.ofSeconds(30);
    static final int MAX_ENTRIES = 10_000;

    /** A verified token's actor; {@code expiresAt} is checked on every hit, as the database would. */
    public record CachedToken(Actor actor, @Nullable Instant expiresAt) {
    }

    record CachedSession(Actor actor, long signedInAt) {
    }

    private final Cache<String, CachedToken> tokens = Caffeine.newBuilder().expireAfterWrite(TTL).maximumSize(MAX_ENTRIES).build();
    private final Cache<String, CachedSession> sessions = Caffeine.newBuilder().expireAfterWrite(TTL).maximumSize(MAX_ENTRIES).build();
    /**
     * Bumped by every forgetting: a lookup that read the database before a change and stores its (stale) answer
     * after the change was forgotten sees the number moved, and drops what it stored.
     */
    private final AtomicLong generation = new AtomicLong();

    /** The token's actor, from the cache or else from {@code load} (which reads the database). */
    public Optional<Actor> token(byte[] tokenHash, Supplier<Optional<CachedToken>> load) {
        String key = HexFormat.of().formatHex(tokenHash);
        CachedToken hit = tokens.getIfPresent(key);
        if (hit == null) {
            long seen = generation.get();
            Optional<CachedToken> loaded = load.get();
            if (loaded.isEmpty()) {
                return Optional.empty();
            }
            hit = loaded.get();
            tokens.put(key, hit);
            if (generation.get() != seen) {
                tokens.invalidate(key);
            }
        }
        if (hit.expiresAt() != null && !Instant.now().isBefore(hit.expiresAt())) {
            tokens.invalidate(key);
            return Optional.empty();
        }
        return Optional.of(hit.actor());
    }

    Optional<CachedSession> session(String sessionId) {
        return Optional.ofNullable(sessions.getIfPresent(sessionKey(sessionId)));
    }

    /** Where a session lookup starts: pass it to {@link #putSession} so that a change meanwhile is not hidden. */
    long generation() {
        return generation.get();
    }

    void putSession(String sessionId, CachedSession session, long seenGeneration) {
        String key = sessionKey(sessionId);
        sessions.put(key, session);
        if (generation.get() != seenGeneration) {
            sessions.invalidate(key);
        }
    }

    public void forgetToken(long tokenId) {
        forget(() -> tokens.asMap().values().removeIf(t -> t.actor().tokenId() != null && t.actor().tokenId() == tokenId));
    }

    /** Every token and session of the user: after a change of role, enabled, password or TOTP. */
    public void forgetUser(long userId) {
        Predicate<Actor> theirs = actor -> actor.userId() == userId;
        forget(() -> {
            tokens.asMap().values().removeIf(t -> theirs.test(t.actor()));
            sessions.asMap().values().removeIf(s -> theirs.test(s.actor()));
        });
    }

    public void forgetSession(String sessionId) {
        String key = sessionKey(sessionId);
        forget(() -> sessions.invalidate(key));
    }

    /** Now, and again once the surrounding transaction ends: a lookup between the two saw the database as it was. */
    private void forget(Runnable removal) {
        generation.incrementAndGet();
        removal.run();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    generation.incrementAndGet();
                    removal.run();
                }
            });
        }
    }

    private static String sessionKey(String sessionId) {
        return HexFormat.of().formatHex(Secrets.sha256(sessionId));
    }
}
