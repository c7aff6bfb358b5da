package dev.benchdeck.gateway.limit;

/** What the rate-limit stage decided for one request. */
public sealed interface RateDecision {

    /** Which limit a refusal is for. */
    enum Limit { REQUESTS_PER_MINUTE, TOKENS_PER_MINUTE }

    /**
     * Admitted: {@code meter} counts the output tokens as they stream; the {@code RateLimit-*} figures are
     * the requests-per-minute limit's ({@code limit} 0 = no such limit).
     */
    record Allowed(OutputMeter meter, long limit, long remaining, long resetSeconds) implements RateDecision {
    }

    /** Refused with 429: retry after {@code retryAfterSeconds}. */
    record Denied(Limit which, long limit, long remaining, long resetSeconds, long retryAfterSeconds) implements RateDecision {
    }
}
