package dev.benchdeck.report;

/**
 * The outcome of a significance test of one metric between two runs: the {@code method}, the estimated
 * difference ({@code estimate}, other − baseline, in the metric's unit) with its interval
 * [{@code low}, {@code high}] at {@code confidence}, the two-sided {@code pValue}, whether the difference is
 * {@code significant} (p &lt; 1 − confidence), the samples and block lengths of each side and the resamples drawn.
 */
public record Significance(String method, double estimate, double low, double high, double pValue, double confidence,
                           boolean significant, int baselineSamples, int otherSamples, int baselineBlock, int otherBlock,
                           int resamples) {
}
