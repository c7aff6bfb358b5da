package dev.benchdeck.gateway.admin;

import dev.benchdeck.gateway.stats.Counter;
import dev.benchdeck.gateway.stats.ExecutionStats;
import dev.benchdeck.gateway.stats.Stage;
import dev.benchdeck.gateway.stats.Timed;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The gateway's figures in Prometheus' text format (0.0.4): one summary per stage
 * ({@code benchdeck_gateway_stage_seconds{stage,quantile}} with _sum and _count), the queue wait and
 * replay summaries, every counter as {@code benchdeck_gateway_<name>_total}, and gauges.
 */
public final class PrometheusText {

    private PrometheusText() {
    }

    public static String render(ExecutionStats stats, Map<String, Double> gauges, Map<String, String> circuits) {
        StringBuilder out = new StringBuilder(8192);
        out.append("# HELP benchdeck_gateway_stage_seconds Time spent in each pipeline stage per request.\n");
        out.append("# TYPE benchdeck_gateway_stage_seconds summary\n");
        for (Stage s : Stage.values()) {
            summary(out, "benchdeck_gateway_stage_seconds", "stage=\"" + s.key() + "\"", stats.stage(s).totalCopy());
        }
        for (Timed t : Timed.values()) {
            String name = "benchdeck_gateway_" + t.key() + "_seconds";
            out.append("# TYPE ").append(name).append(" summary\n");
            summary(out, name, "", stats.timed(t).totalCopy());
        }
        for (Counter c : Counter.values()) {
            String name = "benchdeck_gateway_" + c.key() + "_total";
            out.append("# TYPE ").append(name).append(" counter\n").append(name).append(' ').append(stats.get(c)).append('\n');
        }
        gauges.forEach((name, value) -> out.append("# TYPE benchdeck_gateway_").append(name).append(" gauge\n")
                .append("benchdeck_gateway_").append(name).append(' ').append(number(value)).append('\n'));
        out.append("# HELP benchdeck_gateway_circuit_state 1 for each provider's current circuit state.\n");
        out.append("# TYPE benchdeck_gateway_circuit_state gauge\n");
        circuits.forEach((provider, state) -> out.append("benchdeck_gateway_circuit_state{provider=\"").append(provider)
                .append("\",state=\"").append(state.toLowerCase(Locale.ROOT)).append("\"} 1\n"));
        return out.toString();
    }

    private static void summary(StringBuilder out, String name, String labels, Histogram h) {
        String sep = labels.isEmpty() ? "" : labels + ",";
        for (double q : new double[] {0.5, 0.9, 0.95, 0.99}) {
            out.append(name).append('{').append(sep).append("quantile=\"").append(q).append("\"} ")
                    .append(number(h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(q * 100) / 1e9)).append('\n');
        }
        String plain = labels.isEmpty() ? "" : "{" + labels + "}";
        out.append(name).append("_sum").append(plain).append(' ').append(number(h.getTotalCount() == 0 ? 0 : h.getMean() * h.getTotalCount() / 1e9)).append('\n');
        out.append(name).append("_count").append(plain).append(' ').append(h.getTotalCount()).append('\n');
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
