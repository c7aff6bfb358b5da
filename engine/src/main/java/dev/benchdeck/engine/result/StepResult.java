package dev.benchdeck.engine.result;

import java.util.List;
import java.util.Map;

/**
 * The measured part of one step (warm-up and ramp excluded), or of all steps merged ({@code index}
 * -1). {@code requests} counts completed requests, ok and failed; {@code throughput} is requests per
 * second of the measured time; {@code errorRate} is errors / requests; {@code dropped} counts
 * open-model arrivals that could not start because {@code max_in_flight} were already running.
 * {@code latencies} holds distributions by name: {@code latency} (from the intended start),
 * {@code service_time} (from the actual send), {@code ttfb}, {@code connect}, {@code first_event}, and
 * for token streams {@code ttft}, {@code itl}, {@code tpot}, {@code e2e} (ms) and
 * {@code request_tokens_per_second} (tokens/s, stored ×1000 so that the summary reads in tokens/s);
 * {@code stream} holds the token and goodput figures ({@code null} when no request streamed).
 */
public record StepResult(int index, String label, double measuredSeconds, long requests, long ok, long errors,
                         Map<String, Long> errorsByClass, long dropped, double throughput, double errorRate,
                         Map<String, Distribution> latencies, List<ErrorSample> errorSamples,
                         StreamFigures stream) {

    public static final String LATENCY = "latency";
    public static final String SERVICE_TIME = "service_time";
    public static final String TTFB = "ttfb";
    public static final String CONNECT = "connect";
    public static final String FIRST_EVENT = "first_event";
    public static final String TTFT = "ttft";
    public static final String ITL = "itl";
    public static final String TPOT = "tpot";
    public static final String E2E = "e2e";
    public static final String REQUEST_TOKENS_PER_SECOND = "request_tokens_per_second";

    public StepResult {
        errorsByClass = Map.copyOf(errorsByClass);
        latencies = Map.copyOf(latencies);
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
            default:
                int dot = name.indexOf('.');
                if (dot < 0) {
                    return null;
                }
                Distribution d = latencies.get(name.substring(0, dot));
                return d == null ? null : d.summary().stat(name.substring(dot + 1));
        }
    }

    public Distribution latency() {
        return latencies.get(LATENCY);
    }
}
