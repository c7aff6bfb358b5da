package dev.benchdeck.engine.plan;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads threshold texts such as {@code p99 < 250ms}, {@code error_rate < 1%}, {@code throughput > 1000/s per step}. */
final class ThresholdParser {

    private static final Pattern SHAPE = Pattern.compile(
            "^\\s*([a-z][a-z0-9_]*(?:\\.[a-z0-9_.]+)?)\\s*(<=|>=|<|>|=)\\s*(\\d+(?:\\.\\d+)?)\\s*(us|ms|s|%|/s)?\\s*(per step)?\\s*$");
    /** Latency statistics; {@code p99.9} is spelt {@code p99.9} or {@code p999}. */
    private static final Pattern LATENCY_STAT = Pattern.compile("(min|max|mean|p50|p75|p90|p95|p99|p99\\.9|p999)");
    /** {@code step[login].p99 < 300ms}, {@code group[checkout].p95 < 1s}: the name inside the brackets keeps its case. */
    private static final Pattern JOURNEY_SHAPE = Pattern.compile(
            "^\\s*(step|group)\\[([^\\]]+)]\\.([a-zA-Z0-9.]+)\\s*(<=|>=|<|>|=)\\s*(\\d+(?:\\.\\d+)?)\\s*(us|ms|s)?\\s*(per step)?\\s*$",
            Pattern.CASE_INSENSITIVE);
    static final List<String> COUNT_METRICS = List.of("requests", "errors", "dropped", "lost", "duplicated", "delivered");

    private ThresholdParser() {
    }

    static Threshold parse(ConfigNode node) {
        String text = node.raw().isTextual() ? node.raw().asText() : null;
        if (text == null) {
            node.problem("must be a text such as 'p99 < 250ms', 'error_rate < 1%' or 'throughput > 100/s'");
            return null;
        }
        Matcher journey = JOURNEY_SHAPE.matcher(text);
        if (journey.matches()) {
            return journeyThreshold(node, text, journey);
        }
        Matcher m = SHAPE.matcher(text.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            node.problem("'" + text + "' is not a threshold; write e.g. 'p99 < 250ms', 'error_rate < 1%', 'throughput > 100/s' (add 'per step' to check each step)");
            return null;
        }
        String metric = m.group(1);
        Threshold.Comparison comparison = Threshold.Comparison.of(m.group(2));
        double number = Double.parseDouble(m.group(3));
        String unit = m.group(4);
        boolean perStep = m.group(5) != null;
        Double value = switch (kind(metric)) {
            case LATENCY -> latencyMillis(node, text, number, unit);
            case RATE -> "%".equals(unit) ? Double.valueOf(number / 100)
                    : unit == null ? Double.valueOf(number) : unitProblem(node, text, "a rate takes % or no unit");
            case THROUGHPUT -> unit == null || "/s".equals(unit) ? Double.valueOf(number) : unitProblem(node, text, "throughput takes /s");
            case COUNT -> unit == null ? Double.valueOf(number) : unitProblem(node, text, "a count takes no unit");
            case UNKNOWN -> {
                node.problem("unknown metric '" + metric + "' in '" + text
                        + "' (use p50…p99.9, min, max, mean, optionally prefixed like ttfb.p99; error_rate, throughput, requests, errors, dropped; lost, duplicated, delivered for ingestion; checks, step[name].p99, group[name].p95 for journeys)");
                yield null;
            }
        };
        if (value == null) {
            return null;
        }
        String canonical = kind(metric) == Kind.LATENCY && !metric.contains(".") ? "latency." + metric : metric;
        return new Threshold(text, canonical.replace("p999", "p99.9"), comparison, value, perStep);
    }

    private enum Kind { LATENCY, RATE, THROUGHPUT, COUNT, UNKNOWN }

    private static Kind kind(String metric) {
        String stat = metric.contains(".") && !metric.startsWith("p99.") ? metric.substring(metric.indexOf('.') + 1) : metric;
        if (LATENCY_STAT.matcher(stat).matches()) {
            return Kind.LATENCY;
        }
        if (metric.equals("error_rate") || metric.equals("checks")) {
            return Kind.RATE;
        }
        if (metric.equals("throughput")) {
            return Kind.THROUGHPUT;
        }
        return COUNT_METRICS.contains(metric) ? Kind.COUNT : Kind.UNKNOWN;
    }

    private static Threshold journeyThreshold(ConfigNode node, String text, Matcher m) {
        String kind = m.group(1).toLowerCase(Locale.ROOT);
        String stat = m.group(3).toLowerCase(Locale.ROOT).replace("p999", "p99.9");
        if (!LATENCY_STAT.matcher(stat).matches()) {
            node.problem("'" + text + "': " + kind + "[…] takes a latency statistic (p50…p99.9, min, max, mean), e.g. "
                    + kind + "[" + m.group(2) + "].p99 < 300ms");
            return null;
        }
        Double value = latencyMillis(node, text, Double.parseDouble(m.group(5)), m.group(6) == null ? null : m.group(6).toLowerCase(Locale.ROOT));
        if (value == null) {
            return null;
        }
        return new Threshold(text, kind + "[" + m.group(2).trim() + "]." + stat, Threshold.Comparison.of(m.group(4)), value,
                m.group(7) != null);
    }

    private static Double latencyMillis(ConfigNode node, String text, double number, String unit) {
        if (unit == null) {
            return unitProblem(node, text, "a latency needs a unit: us, ms or s");
        }
        return switch (unit) {
            case "us" -> number / 1000;
            case "ms" -> number;
            case "s" -> number * 1000;
            default -> unitProblem(node, text, "a latency takes us, ms or s");
        };
    }

    private static Double unitProblem(ConfigNode node, String text, String message) {
        node.problem("'" + text + "': " + message);
        return null;
    }
}
