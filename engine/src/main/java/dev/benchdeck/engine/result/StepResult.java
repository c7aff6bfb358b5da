package dev.benchdeck.engine.result;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The measured part of one step (warm-up and ramp excluded), or of all steps merged ({@code index}
 * -1). {@code requests} counts completed requests, ok and failed; {@code throughput} is requests per
 * second of the measured time; {@code errorRate} is errors / requests; {@code dropped} counts
 * open-model arrivals that could not start because {@code max_in_flight} were already running.
 * {@code latencies} holds the distributions that received values, by name: {@code latency} (from the
 * intended start), {@code service_time} (from the actual send), {@code ttfb}, {@code connect},
 * {@code connect_wait} (the wait for a pooled connection), {@code first_event}, {@code schedule_lag} (open model:
 * from each request's intended start until the driver began it, before any pooled-connection wait), {@code think_lag}
 * (closed model with think time: how much longer than its think time each user slept), and for token streams
 * {@code ttft}, {@code itl}, {@code tpot}, {@code e2e} (ms), {@code request_tokens_per_second}
 * (tokens/s) and {@code output_tokens} (tokens per request), the last two stored ×1000 so that their
 * summaries read in tokens/s and tokens; {@code stream} holds the token and goodput figures
 * ({@code null} when no request streamed). {@code partial} is true when the step (or, for the merged
 * result, any step, or the run) ended before its planned duration or request count; {@code cpu}
 * tells how busy the machine was meanwhile ({@code null} when the platform cannot tell); {@code counts} holds
 * what the driver counted itself ({@code lost}, {@code duplicated}, {@code delivered} for ingestion; empty
 * otherwise), added up when steps merge; {@code generatorSaturated} is true when the schedule lag says the
 * latencies include Benchdeck's own delay ({@link GeneratorSaturation}), derived from {@code latencies}; {@code journey}
 * holds a user journey's figures per request step, group and check ({@code null} for single-request workloads), and
 * then {@code requests} counts journey iterations and {@code latency} is the whole iteration's duration.
 */
public record StepResult(int index, String label, double measuredSeconds, long requests, long ok, long errors,
                         Map<String, Long> errorsByClass, long dropped, double throughput, double errorRate,
                         Map<String, Distribution> latencies, List<ErrorSample> errorSamples,
                         @Nullable StreamFigures stream, boolean partial, @Nullable CpuFigures cpu, Map<String, Long> counts,
                         boolean generatorSaturated, @Nullable JourneyFigures journey) {

    public static final String LATENCY = "latency";
    public static final String SERVICE_TIME = "service_time";
    public static final String TTFB = "ttfb";
    public static final String CONNECT = "connect";
    public static final String CONNECT_WAIT = "connect_wait";
    public static final String FIRST_EVENT = "first_event";
    public static final String SCHEDULE_LAG = "schedule_lag";
    /** Closed model with think time: how much later than its think time a user woke for its next request. */
    public static final String THINK_LAG = "think_lag";
    public static final String TTFT = "ttft";
    public static final String ITL = "itl";
    public static final String TPOT = "tpot";
    public static final String E2E = "e2e";
    public static final String REQUEST_TOKENS_PER_SECOND = "request_tokens_per_second";
    public static final String OUTPUT_TOKENS = "output_tokens";
    /** The share of journey checks that passed, over all checks ({@code checks > 99%}). */
    public static final String CHECKS = "checks";

    /** Counts an ingestion driver reports: messages sent that never arrived, that arrived more than once, that arrived. */
    public static final List<String> DRIVER_COUNTS = List.of("lost", "duplicated", "delivered");

    /** A result without journey figures. */
    public StepResult(int index, String label, double measuredSeconds, long requests, long ok, long errors,
                      Map<String, Long> errorsByClass, long dropped, double throughput, double errorRate,
                      Map<String, Distribution> latencies, List<ErrorSample> errorSamples,
                      StreamFigures stream, boolean partial, CpuFigures cpu, Map<String, Long> counts,
                      boolean generatorSaturated) {
        this(index, label, measuredSeconds, requests, ok, errors, errorsByClass, dropped, throughput, errorRate,
                latencies, errorSamples, stream, partial, cpu, counts, generatorSaturated, null);
    }

    /** This result with {@code journey} figures. */
    public StepResult withJourney(JourneyFigures journey) {
        return new StepResult(index, label, measuredSeconds, requests, ok, errors, errorsByClass, dropped, throughput, errorRate,
                latencies, errorSamples, stream, partial, cpu, counts, generatorSaturated, journey);
    }

    /** A result whose saturation flag is derived from its latencies. */
    public StepResult(int index, String label, double measuredSeconds, long requests, long ok, long errors,
                      Map<String, Long> errorsByClass, long dropped, double throughput, double errorRate,
                      Map<String, Distribution> latencies, List<ErrorSample> errorSamples,
                      StreamFigures stream, boolean partial, CpuFigures cpu, Map<String, Long> counts) {
        this(index, label, measuredSeconds, requests, ok, errors, errorsByClass, dropped, throughput, errorRate,
                latencies, errorSamples, stream, partial, cpu, counts, false);
    }

    /** A result without driver counts. */
    public StepResult(int index, String label, double measuredSeconds, long requests, long ok, long errors,
                      Map<String, Long> errorsByClass, long dropped, double throughput, double errorRate,
                      Map<String, Distribution> latencies, List<ErrorSample> errorSamples,
                      StreamFigures stream, boolean partial, CpuFigures cpu) {
        this(index, label, measuredSeconds, requests, ok, errors, errorsByClass, dropped, throughput, errorRate,
                latencies, errorSamples, stream, partial, cpu, Map.of());
    }

    public StepResult {
        counts = counts == null ? Map.of() : Map.copyOf(counts); // results stored before counts existed have none
        errorsByClass = Map.copyOf(errorsByClass);
        latencies = Map.copyOf(latencies);
        // one rule, wherever the result comes from (a step, merged steps, a stored result)
        generatorSaturated = GeneratorSaturation.saturated(latencies);
        errorSamples = List.copyOf(errorSamples);
    }

    /** A metric by the name thresholds use: {@code latency.p99}, {@code ttfb.p50}, {@code error_rate}, {@code throughput}… */
    public Double metric(String name) {
        switch (name) {
            case "error_rate":
                return errorRate;
            case "throughput":
                return throughput;
            case "requests":
                return (double) requests;
            case "errors":
                return (double) errors;
            case "dropped":
                return (double) dropped;
            case "goodput":
                return stream == null ? null : stream.goodput();
            case "output_tokens_per_second":
                return stream == null ? null : stream.outputTokensPerSecond();
            case "output_tokens":
                return stream == null ? null : (double) stream.outputTokens();
            case CHECKS:
                return journey == null ? null : journey.checksPassed();
            default:
                if (name.startsWith("step[") || name.startsWith("group[")) {
                    return journeyMetric(name);
                }
                int dot = name.indexOf('.');
                if (dot < 0) {
                    Long count = counts.get(name);
                    return count == null ? null : (double) count;
                }
                Distribution d = latencies.get(name.substring(0, dot));
                return d == null ? null : d.summary().stat(name.substring(dot + 1));
        }
    }

    /** {@code step[<name>].<stat>} or {@code group[<name>].<stat>}: a latency statistic of one request step or group. */
    private Double journeyMetric(String name) {
        int close = name.indexOf("].");
        if (journey == null || close < 0) {
            return null;
        }
        String ref = name.substring(name.indexOf('[') + 1, close);
        Distribution d = name.startsWith("step[")
                ? (journey.steps().containsKey(ref) ? journey.steps().get(ref).latency() : null)
                : journey.groups().get(ref);
        return d == null ? null : d.summary().stat(name.substring(close + 2));
    }

    /**
     * The unit a metric of {@link #metric} is read in: {@code ms} for latencies, {@code %} for the error
     * rate (given as a percentage by {@link #metricInUnit}), {@code /s} for rates, {@code tokens} and
     * {@code tokens/s} for token figures, {@code ""} for counts.
     */
    public static String unitOf(String name) {
        return switch (name) {
            case "error_rate", CHECKS -> "%";
            case "throughput", "goodput" -> "/s";
            case "output_tokens_per_second" -> "tokens/s";
            case OUTPUT_TOKENS -> "tokens";
            case "requests", "errors", "dropped", "lost", "duplicated", "delivered" -> "";
            default -> {
                String distribution = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
                yield switch (distribution) {
                    case REQUEST_TOKENS_PER_SECOND -> "tokens/s";
                    case OUTPUT_TOKENS -> "tokens";
                    default -> "ms";
                };
            }
        };
    }

    /** {@link #metric} in the unit {@link #unitOf} names: the error rate as a percentage, the rest as they are. */
    public Double metricInUnit(String name) {
        Double value = metric(name);
        return value != null && "%".equals(unitOf(name)) ? value * 100 : value;
    }

    public Distribution latency() {
        return latencies.get(LATENCY);
    }
}
