package dev.benchdeck.gateway.limit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.benchdeck.gateway.config.GatewaySettings.RateLimits;
import dev.benchdeck.gateway.redis.RedisLink;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.AsyncBucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.api.StatefulRedisConnection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * Per-client token buckets (Bucket4j) for requests per minute and tokens per minute, each refilled
 * greedily over a minute. With Redis reachable the buckets live in Redis, so every instance sharing it
 * shares one limit; without it (or when a Redis call fails) local buckets decide. Buckets are keyed by
 * the limit too, so a changed limit starts fresh buckets at once.
 */
public final class RateLimiter {

    static final String PREFIX = "benchdeck:gateway:limit:";
    /** A Redis-backed meter flushes its output tokens after this many, or this long after the last flush. */
    static final long FLUSH_TOKENS = 32;
    static final long FLUSH_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final RedisLink redis;
    private final Cache<String, Bucket> local = Caffeine.newBuilder().maximumSize(200_000)
            .expireAfterAccess(Duration.ofMinutes(2)).build();
    private volatile StatefulRedisConnection<byte[], byte[]> proxiedConnection;
    private volatile AsyncProxyManager<byte[]> proxies;

    public RateLimiter(RedisLink redis) {
        this.redis = redis;
    }

    /** Takes one request and {@code inputTokens} from the client's buckets. */
    public CompletionStage<RateDecision> admit(String client, long inputTokens, RateLimits limits) {
        long rpm = limits.requestsPerMinute();
        long tpm = limits.tokensPerMinute();
        CompletionStage<ConsumptionProbe> requests = rpm == 0 ? CompletableFuture.completedFuture(null)
                : consume("req", rpm, client, 1);
        return requests.thenCompose(probe -> {
            if (probe != null && !probe.isConsumed()) {
                return CompletableFuture.completedFuture(denied(RateDecision.Limit.REQUESTS_PER_MINUTE, rpm, probe));
            }
            if (tpm == 0) {
                return CompletableFuture.completedFuture(allowed(OutputMeter.UNLIMITED, rpm, probe));
            }
            return consume("tok", tpm, client, inputTokens).thenApply(tokens -> tokens.isConsumed()
                    ? allowed(meter(client, tpm), rpm, probe)
                    : denied(RateDecision.Limit.TOKENS_PER_MINUTE, tpm, tokens));
        });
    }

    private static RateDecision allowed(OutputMeter meter, long rpm, ConsumptionProbe probe) {
        if (probe == null) {
            return new RateDecision.Allowed(meter, 0, 0, 0);
        }
        return new RateDecision.Allowed(meter, rpm, probe.getRemainingTokens(), resetSeconds(rpm, probe.getRemainingTokens()));
    }

    private static RateDecision denied(RateDecision.Limit which, long limit, ConsumptionProbe probe) {
        long wait = probe.getNanosToWaitForRefill();
        // a request larger than the whole bucket never fits; a minute is the honest answer to "when"
        long retry = wait <= 0 || wait > TimeUnit.MINUTES.toNanos(1) ? 60 : Math.max(1, (wait + 999_999_999) / 1_000_000_000);
        return new RateDecision.Denied(which, limit, Math.max(0, probe.getRemainingTokens()), resetSeconds(limit, probe.getRemainingTokens()), retry);
    }

    /** Seconds until the bucket is full again, at limit/60 tokens a second. */
    static long resetSeconds(long limit, long remaining) {
        long missing = Math.max(0, limit - Math.max(0, remaining));
        return (missing * 60 + limit - 1) / limit;
    }

    private CompletionStage<ConsumptionProbe> consume(String kind, long limit, String client, long tokens) {
        AsyncProxyManager<byte[]> remote = proxies();
        if (remote != null) {
            try {
                return remoteBucket(remote, kind, limit, client).tryConsumeAndReturnRemaining(tokens)
                        .handle((probe, error) -> {
                            if (error == null) {
                                return probe;
                            }
                            redis.failed();
                            return localBucket(kind, limit, client).tryConsumeAndReturnRemaining(tokens);
                        });
            } catch (RuntimeException e) {
                redis.failed();
            }
        }
        return CompletableFuture.completedFuture(localBucket(kind, limit, client).tryConsumeAndReturnRemaining(tokens));
    }

    private OutputMeter meter(String client, long tpm) {
        AsyncProxyManager<byte[]> remote = proxies();
        if (remote == null) {
            Bucket bucket = localBucket("tok", tpm, client);
            return new OutputMeter() {
                @Override
                public boolean add(long tokens) {
                    return tokens == 0 || bucket.tryConsumeAsMuchAsPossible(tokens) == tokens;
                }

                @Override
                public void close() {
                }
            };
        }
        return new RemoteMeter(remoteBucket(remote, "tok", tpm, client));
    }

    /** Batches a stream's output tokens into a Redis call every {@value #FLUSH_TOKENS} tokens or 100 ms. */
    private final class RemoteMeter implements OutputMeter {
        private final AsyncBucketProxy bucket;
        private long pending;
        private long lastFlush = System.nanoTime();
        private volatile boolean exhausted;

        RemoteMeter(AsyncBucketProxy bucket) {
            this.bucket = bucket;
        }

        @Override
        public boolean add(long tokens) {
            pending += tokens;
            if (pending >= FLUSH_TOKENS || System.nanoTime() - lastFlush >= FLUSH_NANOS) {
                flush();
            }
            return !exhausted;
        }

        private void flush() {
            long asked = pending;
            pending = 0;
            lastFlush = System.nanoTime();
            if (asked == 0) {
                return;
            }
            try {
                bucket.tryConsumeAsMuchAsPossible(asked).whenComplete((got, error) -> {
                    if (error != null) {
                        redis.failed();
                    } else if (got < asked) {
                        exhausted = true;
                    }
                });
            } catch (RuntimeException e) {
                redis.failed();
            }
        }

        @Override
        public void close() {
            flush();
        }
    }

    private Bucket localBucket(String kind, long limit, String client) {
        return local.get(kind + ":" + limit + ":" + client, k -> Bucket.builder().addLimit(bandwidth(limit)).build());
    }

    private static AsyncBucketProxy remoteBucket(AsyncProxyManager<byte[]> remote, String kind, long limit, String client) {
        byte[] key = (PREFIX + kind + ":" + limit + ":" + client).getBytes(StandardCharsets.UTF_8);
        BucketConfiguration config = BucketConfiguration.builder().addLimit(bandwidth(limit)).build();
        return remote.builder().build(key, () -> CompletableFuture.completedFuture(config));
    }

    private static Bandwidth bandwidth(long perMinute) {
        return Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build();
    }

    /** Bucket4j's proxy manager over the current Redis connection, or null while Redis is away. */
    private AsyncProxyManager<byte[]> proxies() {
        if (redis == null || !redis.reachable()) {
            return null;
        }
        StatefulRedisConnection<byte[], byte[]> connection = redis.connection();
        if (connection == null) {
            return null;
        }
        if (connection != proxiedConnection) {
            synchronized (this) {
                if (connection != proxiedConnection) {
                    proxies = Bucket4jLettuce.casBasedBuilder(connection)
                            .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                            .build().asAsync();
                    proxiedConnection = connection;
                }
            }
        }
        return proxies;
    }
}
