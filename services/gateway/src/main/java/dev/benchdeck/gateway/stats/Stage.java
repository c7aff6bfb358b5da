package dev.benchdeck.gateway.stats;

import java.util.Locale;

/** The six stages every request goes through, in order; each is timed per request. */
public enum Stage {
    /** Parse and check the request (and take a connection slot, without the wait in the queue). */
    VALIDATION,
    /** Look the answer up in L1, then L2. */
    CACHE,
    /** Requests and tokens per minute for this client. */
    RATE_LIMIT,
    /** Pick a provider whose circuit lets the call through (summed over failovers). */
    PROVIDER_SELECTION,
    /** From the first try at a provider to the answer's last chunk (failed tries included). */
    STREAMING,
    /** Store the answer in L1 and L2, record metrics, release the slot. */
    CLEANUP;

    /** snake_case, as in JSON, Server-Timing and Prometheus labels. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
