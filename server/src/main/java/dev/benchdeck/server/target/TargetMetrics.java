package dev.benchdeck.server.target;

import dev.benchdeck.engine.plan.Problem;
import dev.benchdeck.engine.telemetry.PrometheusTelemetry;
import dev.benchdeck.engine.telemetry.SeriesSelector;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A target's Prometheus endpoint and the series its runs record beside the load, for a target of any
 * kind: {@code options.metrics = {url, series: [selector, …]}}. It is the server's to read during runs,
 * so it never goes into a plan's {@code target} section.
 */
public record TargetMetrics(String url, List<String> series) {

    static final String OPTION = "metrics";

    /** The endpoint a target names, if it names one. */
    public static Optional<TargetMetrics> of(Map<String, Object> options) {
        if (options != null && options.get(OPTION) instanceof Map<?, ?> metrics && metrics.get("url") instanceof String url
                && metrics.get("series") instanceof List<?> series) {
            return Optional.of(new TargetMetrics(url.strip(), series.stream().map(String::valueOf).toList()));
        }
        return Optional.empty();
    }

    /** The telemetry source that scrapes it. */
    public PrometheusTelemetry source() {
        return PrometheusTelemetry.of(url, series);
    }

    /** The options as the target's driver reads them: without the metrics endpoint. */
    static Map<String, Object> withoutMetrics(Map<String, Object> options) {
        if (options == null || !options.containsKey(OPTION)) {
            return options == null ? Map.of() : options;
        }
        Map<String, Object> rest = new LinkedHashMap<>(options);
        rest.remove(OPTION);
        return rest;
    }

    static List<Problem> problems(Map<String, Object> options) {
        if (options == null || !options.containsKey(OPTION) || options.get(OPTION) == null) {
            return List.of();
        }
        String at = "options." + OPTION;
        if (!(options.get(OPTION) instanceof Map<?, ?> metrics)) {
            return List.of(new Problem(at, "must be an object: {url, series}"));
        }
        List<Problem> problems = new ArrayList<>();
        metrics.keySet().stream().map(String::valueOf).filter(k -> !k.equals("url") && !k.equals("series")).sorted()
                .forEach(k -> problems.add(new Problem(at + "." + k, "is not a metrics setting; give url and series")));
        urlProblem(metrics.get("url")).ifPresent(message -> problems.add(new Problem(at + ".url", message)));
        if (!(metrics.get("series") instanceof List<?> series) || series.isEmpty()) {
            problems.add(new Problem(at + ".series", "must list 1 to " + PrometheusTelemetry.MAX_SERIES
                    + " series to record, e.g. [\"http_requests_total{status=~\\\"5..\\\"}\"]"));
            return problems;
        }
        if (series.size() > PrometheusTelemetry.MAX_SERIES) {
            problems.add(new Problem(at + ".series", "must list at most " + PrometheusTelemetry.MAX_SERIES + " series"));
        }
        for (int i = 0; i < series.size(); i++) {
            if (!(series.get(i) instanceof String text)) {
                problems.add(new Problem(at + ".series[" + i + "]", "must be a series selector (text)"));
                continue;
            }
            try {
                SeriesSelector.parse(text);
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(at + ".series[" + i + "]", e.getMessage()));
            }
        }
        return problems;
    }

    private static Optional<String> urlProblem(Object value) {
        String message = "must be the http or https URL of a Prometheus endpoint, e.g. http://127.0.0.1:9100/metrics";
        if (!(value instanceof String text) || text.isBlank() || text.length() > 2000) {
            return Optional.of(message);
        }
        if (TargetInputRules.hasUserInfo(text.strip())) {
            return Optional.of("must not contain a user name or password (user:password@)");
        }
        try {
            URI uri = new URI(text.strip());
            boolean web = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
            return web && uri.getHost() != null ? Optional.empty() : Optional.of(message);
        } catch (java.net.URISyntaxException e) {
            return Optional.of(message);
        }
    }
}
