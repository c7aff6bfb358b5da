package dev.benchdeck.gateway.provider;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.benchdeck.gateway.config.GatewaySettings.CircuitBreakerSettings;
import dev.benchdeck.gateway.config.ProviderDefinition;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * The configured providers, each with its Resilience4j circuit breaker. Selection walks the candidates
 * in order and takes the first whose breaker grants a permission (closed, or a half-open probe); the
 * caller then reports the call's end to the {@link Attempt}.
 */
public final class Providers implements AutoCloseable {

    private final Map<String, Entry> entries = new LinkedHashMap<>();

    private static final class Entry {
        final Provider provider;
        volatile CircuitBreaker breaker;
        final LongAdder attempts = new LongAdder();
        final LongAdder failures = new LongAdder();
        final LongAdder served = new LongAdder();

        Entry(Provider provider, CircuitBreaker breaker) {
            this.provider = provider;
            this.breaker = breaker;
        }
    }

    public Providers(List<ProviderDefinition> definitions, CircuitBreakerSettings settings) {
        CircuitBreakerConfig config = breakerConfig(settings);
        for (ProviderDefinition d : definitions) {
            entries.put(d.name(), new Entry(Provider.of(d), CircuitBreaker.of(d.name(), config)));
        }
    }

    static CircuitBreakerConfig breakerConfig(CircuitBreakerSettings s) {
        return CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize((int) s.windowSize())
                .minimumNumberOfCalls((int) s.minimumCalls())
                .failureRateThreshold(s.failureRateThreshold())
                .slowCallRateThreshold(s.slowCallRateThreshold())
                .slowCallDurationThreshold(Duration.ofMillis(s.slowCallDurationMs()))
                .waitDurationInOpenState(s.openDuration())
                .permittedNumberOfCallsInHalfOpenState((int) s.halfOpenCalls())
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .build();
    }

    /** New breaker settings: every breaker starts afresh (closed) with them. */
    public void reconfigure(CircuitBreakerSettings settings) {
        CircuitBreakerConfig config = breakerConfig(settings);
        entries.forEach((name, e) -> e.breaker = CircuitBreaker.of(name, config));
    }

    public Set<String> names() {
        return entries.keySet();
    }

    public ProviderDefinition definition(String name) {
        Entry e = entries.get(name);
        return e == null ? null : e.provider.definition();
    }

    public CircuitBreaker.State state(String name) {
        return entries.get(name).breaker.getState();
    }

    /** One try at one provider with the breaker's permission; end it with exactly one of the three reports. */
    public final class Attempt {
        private final Entry entry;
        private final CircuitBreaker breaker;
        private final long startNanos = System.nanoTime();
        private boolean reported;

        Attempt(Entry entry, CircuitBreaker breaker) {
            this.entry = entry;
            this.breaker = breaker;
            entry.attempts.increment();
        }

        public Provider provider() {
            return entry.provider;
        }

        /** The answer was whole; {@code firstChunkNanos} (time to it) decides whether the call was slow. */
        public void succeeded(long firstChunkNanos) {
            if (mark()) {
                entry.served.increment();
                breaker.onSuccess(firstChunkNanos, TimeUnit.NANOSECONDS);
            }
        }

        public void failed(ProviderFailure failure) {
            if (mark()) {
                entry.failures.increment();
                breaker.onError(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS, new ProviderException(failure));
            }
        }

        /** Neither: the client went away or the gateway stopped the stream; the breaker forgets the call. */
        public void abandoned() {
            if (mark()) {
                breaker.releasePermission();
            }
        }

        private boolean mark() {
            boolean first = !reported;
            reported = true;
            return first;
        }
    }

    /** The first candidate not yet tried whose circuit lets a call through, or null. */
    public Attempt select(List<String> candidates, Set<String> tried) {
        for (String name : candidates) {
            Entry e = entries.get(name);
            if (e == null || tried.contains(name)) {
                continue;
            }
            CircuitBreaker breaker = e.breaker;
            if (breaker.tryAcquirePermission()) {
                return new Attempt(e, breaker);
            }
        }
        return null;
    }

    /** Seconds until the earliest open circuit among {@code candidates} half-opens (at least 1). */
    public long retryAfterSeconds(List<String> candidates, Duration openDuration) {
        return Math.max(1, (openDuration.toMillis() + 999) / 1000);
    }

    /** {name: {type, circuit, attempts, failures, served, failure_rate, has_api_key?}} for health and stats. */
    public ObjectNode toJson(boolean withCounts) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        entries.forEach((name, e) -> {
            ObjectNode p = out.putObject(name);
            p.put("type", e.provider.definition().type());
            p.put("circuit", e.breaker.getState().name().toLowerCase(Locale.ROOT));
            if (e.provider instanceof HttpProvider http && e.provider.definition().apiKeyEnv() != null) {
                p.put("api_key_present", http.hasApiKey());
            }
            if (withCounts) {
                float rate = e.breaker.getMetrics().getFailureRate();
                p.put("attempts", e.attempts.sum()).put("failures", e.failures.sum()).put("served", e.served.sum())
                        .put("failure_rate_percent", rate < 0 ? 0 : rate);
            }
        });
        return out;
    }

    @Override
    public void close() {
        entries.values().forEach(e -> e.provider.close());
    }

    /** A provider failure as the breaker records it. */
    static final class ProviderException extends RuntimeException {
        ProviderException(ProviderFailure failure) {
            super(failure.code() + ": " + failure.message(), null, false, false);
        }
    }
}
