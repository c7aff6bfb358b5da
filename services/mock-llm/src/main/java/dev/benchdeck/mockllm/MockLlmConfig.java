package dev.benchdeck.mockllm;

import java.util.ArrayList;
import java.util.List;

/**
 * The mock's behaviour. Every timing is a mean with a uniform spread ({@link Spread}): a draw lies
 * in [mean - spread, mean + spread], so a spread of 0 is deterministic; a spread may not exceed its
 * mean. As JSON (on {@code /mock/config}) the fields are snake_case, e.g. {@code ttft_spread_ms}.
 *
 * @param ttftMs               time from the request to the first content chunk
 * @param itlMs                time between content chunks (inter-token latency)
 * @param outputTokens         output length in tokens (words), capped by the request's max_tokens
 * @param tokensPerChunk       tokens carried by each content chunk (1 = one token per event)
 * @param heartbeatMs          SSE heartbeat while waiting (OpenAI {@code : ping} comment, Anthropic ping event); 0 = off
 * @param stallMs              length of an injected mid-stream stall
 * @param retryAfterSeconds    the Retry-After header of injected 429 answers
 * @param faults               shares of injected faults on LLM requests
 * @param automationRunMs      run time of a mock automation run
 * @param automationSteps      progress steps reported by the SSE automation stream
 * @param automationFailureShare share of automation runs that end {@code failed}
 */
public record MockLlmConfig(
        long ttftMs, long ttftSpreadMs,
        long itlMs, long itlSpreadMs,
        int outputTokens, int outputTokensSpread,
        int tokensPerChunk,
        long heartbeatMs,
        long stallMs,
        int retryAfterSeconds,
        FaultShares faults,
        long automationRunMs, long automationRunSpreadMs,
        int automationSteps,
        double automationFailureShare) {

    public MockLlmConfig {
        if (faults == null) {
            faults = FaultShares.none();
        }
        List<String> problems = problems(ttftMs, ttftSpreadMs, itlMs, itlSpreadMs, outputTokens, outputTokensSpread,
                tokensPerChunk, heartbeatMs, stallMs, retryAfterSeconds, automationRunMs, automationRunSpreadMs,
                automationSteps, automationFailureShare);
        problems.addAll(faults.problems());
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    /** TTFT 200±50 ms, ITL 20±5 ms, 60±30 tokens, one token per chunk, no heartbeat, no faults, runs 500–2,000 ms. */
    public static MockLlmConfig defaults() {
        return new MockLlmConfig(200, 50, 20, 5, 60, 30, 1, 0, 2_000, 1, FaultShares.none(), 1_250, 750, 5, 0);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    Spread ttft() {
        return new Spread(ttftMs, ttftSpreadMs);
    }

    Spread itl() {
        return new Spread(itlMs, itlSpreadMs);
    }

    Spread tokens() {
        return new Spread(outputTokens, outputTokensSpread);
    }

    Spread automationRun() {
        return new Spread(automationRunMs, automationRunSpreadMs);
    }

    private static List<String> problems(long ttftMs, long ttftSpreadMs, long itlMs, long itlSpreadMs, int outputTokens,
            int outputTokensSpread, int tokensPerChunk, long heartbeatMs, long stallMs, int retryAfterSeconds,
            long automationRunMs, long automationRunSpreadMs, int automationSteps, double automationFailureShare) {
        List<String> problems = new ArrayList<>();
        meanAndSpread(problems, "ttft_ms", ttftMs, ttftSpreadMs);
        meanAndSpread(problems, "itl_ms", itlMs, itlSpreadMs);
        meanAndSpread(problems, "output_tokens", outputTokens, outputTokensSpread);
        meanAndSpread(problems, "automation_run_ms", automationRunMs, automationRunSpreadMs);
        if (outputTokens - outputTokensSpread < 1) {
            problems.add("output_tokens - output_tokens_spread must be at least 1");
        }
        atLeast(problems, "tokens_per_chunk", tokensPerChunk, 1);
        atLeast(problems, "heartbeat_ms", heartbeatMs, 0);
        atLeast(problems, "stall_ms", stallMs, 0);
        atLeast(problems, "retry_after_seconds", retryAfterSeconds, 0);
        atLeast(problems, "automation_steps", automationSteps, 1);
        if (!(automationFailureShare >= 0 && automationFailureShare <= 1)) {
            problems.add("automation_failure_share must be between 0 and 1, got " + automationFailureShare);
        }
        return problems;
    }

    private static void meanAndSpread(List<String> problems, String name, long mean, long spread) {
        atLeast(problems, name, mean, 0);
        String spreadName = name.endsWith("_ms") ? name.replace("_ms", "_spread_ms") : name + "_spread";
        atLeast(problems, spreadName, spread, 0);
        if (spread > mean) {
            problems.add(spreadName + " (" + spread + ") may not exceed " + name + " (" + mean + ")");
        }
    }

    private static void atLeast(List<String> problems, String name, long value, long min) {
        if (value < min) {
            problems.add(name + " must be at least " + min + ", got " + value);
        }
    }

    /** Fluent copy-and-change, for code and tests. */
    public static final class Builder {
        private long ttftMs, ttftSpreadMs, itlMs, itlSpreadMs, heartbeatMs, stallMs, automationRunMs, automationRunSpreadMs;
        private int outputTokens, outputTokensSpread, tokensPerChunk, retryAfterSeconds, automationSteps;
        private FaultShares faults;
        private double automationFailureShare;

        private Builder(MockLlmConfig c) {
            ttftMs = c.ttftMs; ttftSpreadMs = c.ttftSpreadMs; itlMs = c.itlMs; itlSpreadMs = c.itlSpreadMs;
            outputTokens = c.outputTokens; outputTokensSpread = c.outputTokensSpread; tokensPerChunk = c.tokensPerChunk;
            heartbeatMs = c.heartbeatMs; stallMs = c.stallMs; retryAfterSeconds = c.retryAfterSeconds; faults = c.faults;
            automationRunMs = c.automationRunMs; automationRunSpreadMs = c.automationRunSpreadMs;
            automationSteps = c.automationSteps; automationFailureShare = c.automationFailureShare;
        }

        public Builder ttft(long meanMs, long spreadMs) { ttftMs = meanMs; ttftSpreadMs = spreadMs; return this; }
        public Builder itl(long meanMs, long spreadMs) { itlMs = meanMs; itlSpreadMs = spreadMs; return this; }
        public Builder outputTokens(int mean, int spread) { outputTokens = mean; outputTokensSpread = spread; return this; }
        public Builder tokensPerChunk(int tokens) { tokensPerChunk = tokens; return this; }
        public Builder heartbeatMs(long ms) { heartbeatMs = ms; return this; }
        public Builder stallMs(long ms) { stallMs = ms; return this; }
        public Builder retryAfterSeconds(int seconds) { retryAfterSeconds = seconds; return this; }
        public Builder faults(FaultShares shares) { faults = shares; return this; }
        public Builder automationRun(long meanMs, long spreadMs) { automationRunMs = meanMs; automationRunSpreadMs = spreadMs; return this; }
        public Builder automationSteps(int steps) { automationSteps = steps; return this; }
        public Builder automationFailureShare(double share) { automationFailureShare = share; return this; }

        public MockLlmConfig build() {
            return new MockLlmConfig(ttftMs, ttftSpreadMs, itlMs, itlSpreadMs, outputTokens, outputTokensSpread,
                    tokensPerChunk, heartbeatMs, stallMs, retryAfterSeconds, faults, automationRunMs,
                    automationRunSpreadMs, automationSteps, automationFailureShare);
        }
    }
}
