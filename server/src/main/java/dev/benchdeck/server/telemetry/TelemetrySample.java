package dev.benchdeck.server.telemetry;

import java.util.Map;

/**
 * One second of a target's own figures during a run.
 *
 * @param seq            the sample's number within the run, from 0
 * @param elapsedSeconds on the run's time axis: the seconds since the run's start, as the intervals' {@code elapsed_seconds}
 * @param source         the target kind that produced it ({@code gateway}, {@code postgres})
 * @param metrics        metric name to value, e.g. {@code stage.streaming.p99_ms}, {@code commits_per_s}
 */
public record TelemetrySample(int seq, double elapsedSeconds, String source, Map<String, Double> metrics) {

    public TelemetrySample {
        metrics = Map.copyOf(metrics);
    }
}
