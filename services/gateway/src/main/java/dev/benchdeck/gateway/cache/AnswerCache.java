package dev.benchdeck.gateway.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.benchdeck.gateway.redis.RedisLink;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * L1 (Caffeine, bounded by size and TTL) in front of L2 (Redis, bounded by the TTL), when Redis is
 * configured and reachable. A lookup tries L1, then L2 (and fills L1 from it); a store writes both,
 * the Redis write in the background. Redis errors are misses, never failures.
 */
public final class AnswerCache {

    static final String PREFIX = "benchdeck:gateway:answer:";

    /** Where a lookup found the answer. */
    public enum Level { L1, L2 }

    /** A found answer and where. */
    public record Hit(CachedAnswer answer, Level level) {
    }

    private final Cache<String, CachedAnswer> l1;
    private final RedisLink redis;
    private volatile Duration ttl;

    public AnswerCache(long maxEntries, Duration ttl, RedisLink redis) {
        this.ttl = ttl;
        this.redis = redis;
        this.l1 = Caffeine.newBuilder().maximumSize(maxEntries).expireAfterWrite(ttl).build();
    }

    /** Applies new bounds at once (Caffeine resizes and re-times in place). */
    public void resize(long maxEntries, Duration newTtl) {
        ttl = newTtl;
        l1.policy().eviction().ifPresent(e -> e.setMaximum(maxEntries));
        l1.policy().expireAfterWrite().ifPresent(e -> e.setExpiresAfter(newTtl));
    }

    /** L1 at once; on a miss L2 (a Redis round trip) when Redis is there; null when neither holds it. */
    public CompletionStage<Hit> lookup(String key) {
        CachedAnswer local = l1.getIfPresent(key);
        if (local != null) {
            return CompletableFuture.completedFuture(new Hit(local, Level.L1));
        }
        RedisAsyncCommands<byte[], byte[]> commands = redis == null ? null : redis.commands();
        if (commands == null) {
            return CompletableFuture.completedFuture(null);
        }
        return commands.get(redisKey(key)).toCompletableFuture().handle((bytes, error) -> {
            if (error != null) {
                redis.failed();
                return null;
            }
            CachedAnswer remote = bytes == null ? null : CachedAnswer.fromBytes(bytes);
            if (remote == null) {
                return null;
            }
            l1.put(key, remote);
            return new Hit(remote, Level.L2);
        });
    }

    /** Stores in L1 now and in L2 in the background (with the TTL). */
    public void store(String key, CachedAnswer answer) {
        l1.put(key, answer);
        RedisAsyncCommands<byte[], byte[]> commands = redis == null ? null : redis.commands();
        if (commands != null) {
            commands.set(redisKey(key), answer.toBytes(), SetArgs.Builder.px(ttl.toMillis()))
                    .whenComplete((ok, error) -> {
                        if (error != null) {
                            redis.failed();
                        }
                    });
        }
    }

    public long l1Size() {
        l1.cleanUp();
        return l1.estimatedSize();
    }

    public static byte[] redisKey(String key) {
        return (PREFIX + key).getBytes(StandardCharsets.UTF_8);
    }
}
