package dev.benchdeck.engine.plan;

/**
 * A pass/fail rule on a result, written as {@code p99 < 250ms}, {@code error_rate < 1%},
 * {@code throughput > 1000/s}, {@code lost = 0} or {@code ttfb.p95 <= 20ms per step}.
 *
 * @param metric  the metric's name, e.g. {@code latency.p99}, {@code error_rate}, {@code throughput}
 * @param value   the limit in the metric's base unit: milliseconds for latencies, a fraction for
 *                rates, per second for throughput, a count for counts
 * @param perStep whether every step must pass (otherwise the merged result of all steps)
 */
public record Threshold(String text, String metric, Comparison comparison, double value, boolean perStep) {

    public enum Comparison {
        LT("<"), LE("<="), GT(">"), GE(">="), EQ("=");

        private final String symbol;

        Comparison(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        public boolean holds(double actual, double limit) {
            return switch (this) {
                case LT -> actual < limit;
                case LE -> actual <= limit;
                case GT -> actual > limit;
                case GE -> actual >= limit;
                case EQ -> actual == limit;
            };
        }

        static Comparison of(String symbol) {
            for (Comparison c : values()) {
                if (c.symbol.equals(symbol)) {
                    return c;
                }
            }
            throw new IllegalArgumentException(symbol);
        }
    }
}
