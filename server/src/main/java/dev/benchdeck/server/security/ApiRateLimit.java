package dev.benchdeck.server.security;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * API requests per token, per session, or per address for anonymous callers: a token bucket each
 * (sustained rate plus a burst); past it, 429 with {@code Retry-After}. In memory: one server's view.
 */
final class ApiRateLimit extends OncePerRequestFilter {

    /** Beyond this many callers the buckets start afresh, so that a flood of new callers cannot exhaust memory. */
    private static final int MAX_BUCKETS = 100_000;
    private static final Pattern AGENT_CALL = Pattern.compile("/api/v1/agents/(\\d{1,18})/.*");

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final Bandwidth limit;

    ApiRateLimit(SecurityProperties.Api api) {
        this.limit = Bandwidth.builder().capacity(api.burst()).refillGreedy(api.requestsPerSecond(), Duration.ofSeconds(1)).build();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (buckets.size() > MAX_BUCKETS) {
            buckets.clear();
        }
        Bucket bucket = buckets.computeIfAbsent(key(request), k -> Bucket.builder().addLimit(limit).build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999));
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            SecurityProblems.write(request, response, 429, "Too many requests",
                    "too many API requests; try again in " + seconds + " s", null);
            return;
        }
        chain.doFilter(request, response);
    }

    private static String key(HttpServletRequest request) {
        String caller = CurrentActor.get().map(actor -> actor.viaToken() ? "token:" + actor.tokenId() : "user:" + actor.userId())
                .orElseGet(() -> "address:" + request.getRemoteAddr());
        // many agents may share one token: each agent's heartbeats and intervals (about 2 a second) count on their own
        // (signed-in callers only: the agent's id comes from the path, before anyone checked it is theirs)
        Matcher agent = AGENT_CALL.matcher(request.getRequestURI());
        return agent.matches() && !caller.startsWith("address:") ? caller + ":agent:" + agent.group(1) : caller;
    }
}
