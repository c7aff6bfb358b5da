package dev.benchdeck.engine.stream;

import java.time.Duration;

/**
 * The service-level objectives goodput counts against; each is optional ({@code null}: not
 * checked). A request is <em>good</em> when it succeeded and meets every objective given: TTFT and
 * E2E at most their limits, TPOT at most its limit (a request without a TPOT — one token — meets it).
 */
public record ServiceLevels(Duration ttft, Duration tpot, Duration e2e) {

    public static final ServiceLevels NONE = new ServiceLevels(null, null, null);

    public boolean metBy(StreamTimeline t) {
        if (ttft != null && (t.ttftNanos().isEmpty() || t.ttftNanos().getAsLong() > ttft.toNanos())) {
            return false;
        }
        if (tpot != null && t.tpotNanos().isPresent() && t.tpotNanos().getAsDouble() > tpot.toNanos()) {
            return false;
        }
        return e2e == null || t.e2eNanos() <= e2e.toNanos();
    }
}
