package dev.benchdeck.report;

/**
 * How a comparison tests its differences: at {@code confidence} (default 99 %), with {@code resamples}
 * bootstrap resamples (default 2,000; more at confidences above 99 %, 20 / (1 − confidence), so that a p-value can
 * fall below 1 − confidence) drawn from a random source seeded with {@code seed}, so the same
 * runs always give the same figures.
 */
public record ComparisonOptions(double confidence, int resamples, long seed) {

    public static final ComparisonOptions DEFAULTS = new ComparisonOptions(0.99, 2000, 14);

    public ComparisonOptions {
        if (!(confidence > 0 && confidence < 1)) {
            throw new ReportInputException("confidence: must be between 0 and 1 (e.g. 0.99 for 99 %), not " + confidence);
        }
        if (resamples < 100) {
            throw new ReportInputException("resamples: must be at least 100, not " + resamples);
        }
    }

    public ComparisonOptions withConfidence(double level) {
        return new ComparisonOptions(level, resamples, seed);
    }
}
