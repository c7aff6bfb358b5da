package dev.benchdeck.gateway.stats;

import java.util.Locale;

/** The gateway's counters since start; each one's definition is in docs/metrics.md (gateway section). */
public enum Counter {
    /** Requests to POST /api/v1/stream, bad ones included. */
    REQUESTS,
    /** Answers delivered whole: a stream that ended with {@code [DONE]}, or a 200 JSON answer. */
    COMPLETED,
    /** Answers that began and failed: an {@code event: error} after the stream began (or a 502 for stream: false). */
    FAILED,
    /** Requests whose client went away before the answer was whole. */
    CLIENT_DISCONNECTED,
    /** 4xx problem details from validation. */
    REJECTED_INVALID,
    /** 429 for the requests-per-minute limit. */
    RATE_LIMITED_REQUESTS,
    /** 429 for the tokens-per-minute limit (input tokens). */
    RATE_LIMITED_TOKENS,
    /** Streams ended with {@code event: error} code {@code token_limit} because their output emptied the token bucket. */
    TOKEN_LIMIT_CUTS,
    /** 503 because the queue was full. */
    QUEUE_FULL,
    /** 503 because the wait for a slot passed queue_timeout. */
    QUEUE_TIMEOUTS,
    /** Requests that waited in the queue for a slot (and got one or not). */
    QUEUE_WAITS,
    /** 503 because no provider's circuit let the call through. */
    NO_PROVIDER,
    CACHE_LOOKUPS,
    CACHE_L1_HITS,
    CACHE_L2_HITS,
    CACHE_MISSES,
    CACHE_STORES,
    /** Tries at a provider that failed before the first chunk and were passed to the next one. */
    FAILOVERS,
    INPUT_TOKENS,
    OUTPUT_TOKENS;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
