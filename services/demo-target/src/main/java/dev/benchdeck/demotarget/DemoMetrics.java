package dev.benchdeck.demotarget;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/** The demo target's own figures, as a Prometheus endpoint shows them: requests by endpoint and status, and in flight. */
final class DemoMetrics {

    private static final Set<String> ENDPOINTS = Set.of("hello", "echo", "delay", "status", "flaky", "metrics");

    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();

    void started() {
        inFlight.incrementAndGet();
    }

    /** {@code status} is -1 when no answer was sent (the client went away). */
    void finished(String endpoint, int status) {
        inFlight.decrementAndGet();
        // a label per known endpoint only: arbitrary paths would grow the page without bound
        String key = (ENDPOINTS.contains(endpoint) ? endpoint : "other") + "\u0000" + (status < 0 ? "none" : status);
        requests.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    String page() {
        StringBuilder out = new StringBuilder()
                .append("# HELP demo_requests_total Requests answered, by endpoint and status.\n")
                .append("# TYPE demo_requests_total counter\n");
        new TreeMap<>(requests).forEach((key, count) -> {
            int cut = key.indexOf('\u0000');
            out.append("demo_requests_total{endpoint=\"").append(key, 0, cut).append("\",status=\"")
                    .append(key.substring(cut + 1)).append("\"} ").append(count.sum()).append('\n');
        });
        return out.append("# HELP demo_in_flight_requests Requests being answered now.\n")
                .append("# TYPE demo_in_flight_requests gauge\n")
                .append("demo_in_flight_requests ").append(inFlight.get()).append('\n')
                .toString();
    }
}
