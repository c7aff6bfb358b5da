package dev.benchdeck.gateway.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The gateway's runtime configuration: what {@code GET /admin/config} shows and {@code PUT /admin/config}
 * changes without a restart. As JSON the names are snake_case; a PUT names only the fields it changes.
 *
 * @param useFakeLlm               serve every request with the built-in fake provider, whatever it names
 * @param enableCaching            look answers up in (and store them into) the L1/L2 cache
 * @param cacheTtlSeconds          how long a cached answer lives (L1 and L2)
 * @param cacheMaxEntries          L1's size bound (answers); L2 is bounded by the TTL and Redis' own memory policy
 * @param cacheReplay              how a hit is replayed: {@code at_once}, or {@code as_cached} (the gaps it was streamed with)
 * @param queueType                where waiting requests are counted: {@code memory} (this instance) or {@code redis} (shared bound)
 * @param queueSize                requests that may wait for a connection slot; more get 503 at once
 * @param queueTimeoutMs           how long a request waits for a slot before 503
 * @param maxConcurrentConnections requests served at once (streams, replays and whole answers)
 * @param heartbeatIntervalMs      an SSE comment is sent when nothing was sent for this long
 * @param rateLimit                per-client limits
 * @param providerOrder            failover order after the requested provider
 * @param circuitBreaker           the per-provider circuit breakers' settings
 */
public record GatewaySettings(boolean useFakeLlm, boolean enableCaching, long cacheTtlSeconds, long cacheMaxEntries,
                              String cacheReplay, String queueType, long queueSize, long queueTimeoutMs,
                              long maxConcurrentConnections, long heartbeatIntervalMs, RateLimits rateLimit,
                              List<String> providerOrder, CircuitBreakerSettings circuitBreaker) {

    public static final String REPLAY_AT_ONCE = "at_once";
    public static final String REPLAY_AS_CACHED = "as_cached";
    public static final String QUEUE_MEMORY = "memory";
    public static final String QUEUE_REDIS = "redis";

    static final Set<String> FIELDS = Set.of("use_fake_llm", "enable_caching", "cache_ttl_seconds", "cache_max_entries",
            "cache_replay", "queue_type", "queue_size", "queue_timeout_ms", "max_concurrent_connections",
            "heartbeat_interval_ms", "rate_limit", "provider_order", "circuit_breaker");

    public GatewaySettings {
        providerOrder = List.copyOf(providerOrder);
    }

    /**
     * Per client (API key, else address), per minute; 0 switches a limit off.
     *
     * @param requestsPerMinute requests admitted per minute (cache hits are not counted: they skip this stage)
     * @param tokensPerMinute   input tokens (counted before the call) plus output tokens (counted as they stream)
     */
    public record RateLimits(long requestsPerMinute, long tokensPerMinute) {
        static final Set<String> FIELDS = Set.of("requests_per_minute", "tokens_per_minute");
    }

    /**
     * Resilience4j's count-based circuit breaker, one per provider. A call is one attempt at a provider: it
     * fails when the provider errs before or during the stream; it is slow when its first chunk takes longer
     * than {@code slowCallDurationMs}.
     */
    public record CircuitBreakerSettings(long failureRateThreshold, long slowCallRateThreshold, long slowCallDurationMs,
                                         long minimumCalls, long windowSize, long openDurationMs, long halfOpenCalls) {
        static final Set<String> FIELDS = Set.of("failure_rate_threshold", "slow_call_rate_threshold", "slow_call_duration_ms",
                "minimum_calls", "window_size", "open_duration_ms", "half_open_calls");

        public Duration openDuration() {
            return Duration.ofMillis(openDurationMs);
        }
    }

    /** Caching on (5 min, 10,000 answers, replayed at once), memory queue of 1,000 for 5 s, 10,000 connections, 15 s heartbeats. */
    public static GatewaySettings defaults(List<String> providerOrder) {
        return new GatewaySettings(false, true, 300, 10_000, REPLAY_AT_ONCE, QUEUE_MEMORY, 1_000, 5_000, 10_000, 15_000,
                new RateLimits(6_000, 1_000_000), providerOrder,
                new CircuitBreakerSettings(50, 100, 30_000, 10, 20, 10_000, 3));
    }

    public Duration cacheTtl() {
        return Duration.ofSeconds(cacheTtlSeconds);
    }

    /**
     * This config with the fields of {@code changes} applied, all of them checked: every problem is
     * reported with its path and nothing is applied when there is one.
     */
    public GatewaySettings merge(JsonNode changes, Set<String> providerNames) throws InvalidConfigException {
        ConfigReader read = ConfigReader.root();
        if (changes == null || !changes.isObject()) {
            read.problem("", "must be a JSON object");
            throw new InvalidConfigException(read.problems());
        }
        ObjectNode in = (ObjectNode) changes;
        read.onlyKnown(in, FIELDS);
        long max = Integer.MAX_VALUE;
        GatewaySettings merged = new GatewaySettings(
                read.bool(in, "use_fake_llm", useFakeLlm),
                read.bool(in, "enable_caching", enableCaching),
                read.integer(in, "cache_ttl_seconds", cacheTtlSeconds, 1, 30L * 24 * 3600),
                read.integer(in, "cache_max_entries", cacheMaxEntries, 0, 10_000_000),
                read.choice(in, "cache_replay", cacheReplay, List.of(REPLAY_AT_ONCE, REPLAY_AS_CACHED)),
                read.choice(in, "queue_type", queueType, List.of(QUEUE_MEMORY, QUEUE_REDIS)),
                read.integer(in, "queue_size", queueSize, 0, 1_000_000),
                read.integer(in, "queue_timeout_ms", queueTimeoutMs, 0, 600_000),
                read.integer(in, "max_concurrent_connections", maxConcurrentConnections, 1, 1_000_000),
                read.integer(in, "heartbeat_interval_ms", heartbeatIntervalMs, 50, 600_000),
                rateLimits(read, in, max),
                providerOrder(read, in, providerNames),
                circuitBreaker(read, in));
        if (!read.problems().isEmpty()) {
            throw new InvalidConfigException(read.problems());
        }
        return merged;
    }

    private RateLimits rateLimits(ConfigReader read, ObjectNode in, long max) {
        ObjectNode node = read.object(in, "rate_limit");
        if (node == null) {
            return rateLimit;
        }
        ConfigReader nested = read.nested("rate_limit");
        nested.onlyKnown(node, RateLimits.FIELDS);
        return new RateLimits(nested.integer(node, "requests_per_minute", rateLimit.requestsPerMinute(), 0, max),
                nested.integer(node, "tokens_per_minute", rateLimit.tokensPerMinute(), 0, max));
    }

    private List<String> providerOrder(ConfigReader read, ObjectNode in, Set<String> providerNames) {
        List<String> order = read.texts(in, "provider_order", providerOrder);
        if (!in.has("provider_order") || !in.get("provider_order").isArray()) {
            return order;
        }
        if (order.isEmpty()) {
            read.problem("provider_order", "must name at least one provider");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < order.size(); i++) {
            String name = order.get(i);
            if (!providerNames.contains(name)) {
                read.problem("provider_order[" + i + "]", "unknown provider '" + name + "'; configured: "
                        + String.join(", ", providerNames.stream().sorted().toList()));
            } else if (!seen.add(name)) {
                read.problem("provider_order[" + i + "]", "'" + name + "' is named twice");
            }
        }
        return order;
    }

    private CircuitBreakerSettings circuitBreaker(ConfigReader read, ObjectNode in) {
        ObjectNode node = read.object(in, "circuit_breaker");
        if (node == null) {
            return circuitBreaker;
        }
        ConfigReader nested = read.nested("circuit_breaker");
        nested.onlyKnown(node, CircuitBreakerSettings.FIELDS);
        CircuitBreakerSettings c = circuitBreaker;
        return new CircuitBreakerSettings(
                nested.integer(node, "failure_rate_threshold", c.failureRateThreshold(), 1, 100),
                nested.integer(node, "slow_call_rate_threshold", c.slowCallRateThreshold(), 1, 100),
                nested.integer(node, "slow_call_duration_ms", c.slowCallDurationMs(), 1, 3_600_000),
                nested.integer(node, "minimum_calls", c.minimumCalls(), 1, 10_000),
                nested.integer(node, "window_size", c.windowSize(), 1, 10_000),
                nested.integer(node, "open_duration_ms", c.openDurationMs(), 1, 3_600_000),
                nested.integer(node, "half_open_calls", c.halfOpenCalls(), 1, 10_000));
    }

    /** The JSON that GET and PUT return. */
    public ObjectNode toJson() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode out = f.objectNode();
        out.put("use_fake_llm", useFakeLlm).put("enable_caching", enableCaching).put("cache_ttl_seconds", cacheTtlSeconds)
                .put("cache_max_entries", cacheMaxEntries).put("cache_replay", cacheReplay).put("queue_type", queueType)
                .put("queue_size", queueSize).put("queue_timeout_ms", queueTimeoutMs)
                .put("max_concurrent_connections", maxConcurrentConnections).put("heartbeat_interval_ms", heartbeatIntervalMs);
        out.putObject("rate_limit").put("requests_per_minute", rateLimit.requestsPerMinute())
                .put("tokens_per_minute", rateLimit.tokensPerMinute());
        providerOrder.forEach(out.putArray("provider_order")::add);
        CircuitBreakerSettings c = circuitBreaker;
        out.putObject("circuit_breaker").put("failure_rate_threshold", c.failureRateThreshold())
                .put("slow_call_rate_threshold", c.slowCallRateThreshold()).put("slow_call_duration_ms", c.slowCallDurationMs())
                .put("minimum_calls", c.minimumCalls()).put("window_size", c.windowSize())
                .put("open_duration_ms", c.openDurationMs()).put("half_open_calls", c.halfOpenCalls());
        return out;
    }
}
