package dev.benchdeck.engine.result;

/** Whether one threshold held, where ({@code overall} or a step's label) and with which value. */
public record ThresholdVerdict(String threshold, String scope, Double actual, boolean passed) {
}
