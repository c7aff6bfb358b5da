package dev.benchdeck.server.history;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The metrics a history holds per step, by the names thresholds use: {@code throughput} (/s), {@code error_rate} (%),
 * {@code goodput} and {@code output_tokens_per_second} (streams), {@code lost} and {@code duplicated} (ingestion), and
 * {@code <distribution>.<p50|p90|p95|p99>} (ms) for {@code latency}, {@code ttft}, {@code itl}, {@code tpot} and
 * {@code e2e} (streams' end-to-end, or ingestion's publish-to-stored). Each is read from a step's stored figures
 * ({@code run_steps.figures}); a metric a step did not measure has no value.
 */
public record HistoryMetric(String name, String unit, Direction direction) {

    static final List<String> DISTRIBUTIONS = List.of("latency", "ttft", "itl", "tpot", "e2e");
    static final List<String> PERCENTILES = List.of("p50", "p90", "p95", "p99");
    private static final Map<String, HistoryMetric> ALL = catalogue();

    private static Map<String, HistoryMetric> catalogue() {
        Map<String, HistoryMetric> all = new LinkedHashMap<>();
        all.put("throughput", new HistoryMetric("throughput", "/s", Direction.LOWER_IS_WORSE));
        all.put("error_rate", new HistoryMetric("error_rate", "%", Direction.HIGHER_IS_WORSE));
        for (String distribution : DISTRIBUTIONS) {
            for (String percentile : PERCENTILES) {
                String name = distribution + "." + percentile;
                all.put(name, new HistoryMetric(name, "ms", Direction.HIGHER_IS_WORSE));
            }
        }
        all.put("goodput", new HistoryMetric("goodput", "/s", Direction.LOWER_IS_WORSE));
        all.put("output_tokens_per_second", new HistoryMetric("output_tokens_per_second", "tokens/s", Direction.LOWER_IS_WORSE));
        all.put("lost", new HistoryMetric("lost", "", Direction.HIGHER_IS_WORSE));
        all.put("duplicated", new HistoryMetric("duplicated", "", Direction.HIGHER_IS_WORSE));
        return all;
    }

    public static Optional<HistoryMetric> byName(String name) {
        return Optional.ofNullable(ALL.get(name));
    }

    public static List<String> names() {
        return List.copyOf(ALL.keySet());
    }

    /** This metric's value in a step's figures (the error rate as a percentage), or empty when the step has none. */
    public Optional<Double> read(JsonNode figures) {
        JsonNode node = switch (name) {
            case "throughput", "error_rate", "goodput", "output_tokens_per_second" -> figures.path(name);
            case "lost", "duplicated" -> figures.path("counts").path(name);
            default -> {
                int dot = name.indexOf('.');
                JsonNode summary = figures.path("latencies").path(name.substring(0, dot));
                // a distribution that received nothing (count 0) has no percentiles worth a point
                yield summary.path("count").asLong(0) == 0 ? null : summary.path(name.substring(dot + 1));
            }
        };
        if (node == null || !node.isNumber()) {
            return Optional.empty();
        }
        return Optional.of("error_rate".equals(name) ? node.asDouble() * 100 : node.asDouble());
    }

    /** Every metric with a value in the figures, by name, in catalogue order. */
    public static Map<String, Double> readAll(JsonNode figures, List<String> wanted) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (String metric : wanted.isEmpty() ? names() : wanted) {
            byName(metric).flatMap(m -> m.read(figures)).ifPresent(v -> values.put(metric, v));
        }
        return values;
    }

    /** The names among {@code names} that are not metrics of the catalogue. */
    static List<String> unknown(List<String> names) {
        List<String> unknown = new ArrayList<>();
        for (String n : names) {
            if (!ALL.containsKey(n)) {
                unknown.add(n);
            }
        }
        return unknown;
    }
}
