package dev.benchdeck.engine.result;

import org.jspecify.annotations.Nullable;

/**
 * Whether one threshold held, where ({@code overall} or a step's label) and with which value:
 * {@code actual} is in {@code unit} ({@code ms}, {@code %}, {@code /s}, {@code tokens},
 * {@code tokens/s}, or {@code ""} for counts), {@code null} when the metric was not measured.
 */
public record ThresholdVerdict(String threshold, String scope, @Nullable Double actual, String unit, boolean passed) {
}
