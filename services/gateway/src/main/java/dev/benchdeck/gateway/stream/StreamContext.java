package dev.benchdeck.gateway.stream;

import dev.benchdeck.gateway.cache.AnswerCache;
import dev.benchdeck.gateway.config.GatewaySettings;
import dev.benchdeck.gateway.limit.ConnectionLimiter;
import dev.benchdeck.gateway.limit.RateLimiter;
import dev.benchdeck.gateway.provider.Providers;
import dev.benchdeck.gateway.stats.ExecutionStats;
import java.util.function.Supplier;

/** The parts every request's pipeline uses, shared by all requests of one gateway. */
public record StreamContext(String instanceId, Supplier<GatewaySettings> settings, ExecutionStats stats, AnswerCache cache,
                            RateLimiter rateLimiter, ConnectionLimiter connections, Providers providers) {
}
