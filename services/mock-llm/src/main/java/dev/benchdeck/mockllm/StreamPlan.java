package dev.benchdeck.mockllm;

import com.sun.net.httpserver.Headers;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

/**
 * One LLM request's resolved behaviour: the config's draws, overridden by {@code X-Mock-*} headers
 * and capped by the request's max_tokens.
 *
 * @param capped true when max_tokens cut the output (finish_reason {@code length}, stop_reason {@code max_tokens})
 */
record StreamPlan(long ttftNanos, Spread itlMs, int tokens, boolean capped, int tokensPerChunk,
                  long heartbeatNanos, long stallNanos, Set<Fault> faults) {

    static StreamPlan resolve(MockLlmConfig config, Headers headers, Integer maxTokens, RandomGenerator random) {
        long ttftMs = MockHeaders.number(headers, MockHeaders.TTFT_MS, 0).orElseGet(() -> config.ttft().draw(random));
        Spread itl = MockHeaders.number(headers, MockHeaders.ITL_MS, 0).stream().mapToObj(Spread::exact).findFirst().orElse(config.itl());
        int wanted = (int) MockHeaders.number(headers, MockHeaders.TOKENS, 1).orElseGet(() -> config.tokens().draw(random));
        int perChunk = (int) MockHeaders.number(headers, MockHeaders.TOKENS_PER_CHUNK, 1).orElse(config.tokensPerChunk());
        long heartbeatMs = MockHeaders.number(headers, MockHeaders.HEARTBEAT_MS, 0).orElse(config.heartbeatMs());
        long stallMs = MockHeaders.number(headers, MockHeaders.STALL_MS, 0).orElse(config.stallMs());
        String faultHeader = headers.getFirst(MockHeaders.FAULT);
        Set<Fault> faults = faultHeader != null ? Fault.parse(faultHeader) : Fault.draw(config.faults(), random);
        boolean capped = maxTokens != null && wanted > maxTokens;
        return new StreamPlan(TimeUnit.MILLISECONDS.toNanos(ttftMs), itl, capped ? maxTokens : wanted, capped, perChunk,
                TimeUnit.MILLISECONDS.toNanos(heartbeatMs), TimeUnit.MILLISECONDS.toNanos(stallMs), Set.copyOf(faults));
    }

    /** The config's draws alone: no headers, no faults (for {@link GeneratedAnswer}). */
    static StreamPlan draw(MockLlmConfig config, Integer maxTokens, RandomGenerator random) {
        int wanted = (int) config.tokens().draw(random);
        boolean capped = maxTokens != null && wanted > maxTokens;
        return new StreamPlan(TimeUnit.MILLISECONDS.toNanos(config.ttft().draw(random)), config.itl(), capped ? maxTokens : wanted,
                capped, config.tokensPerChunk(), TimeUnit.MILLISECONDS.toNanos(config.heartbeatMs()),
                TimeUnit.MILLISECONDS.toNanos(config.stallMs()), Set.of());
    }

    int chunks() {
        return (tokens + tokensPerChunk - 1) / tokensPerChunk;
    }

    /** Tokens in content chunk {@code index}: full chunks, the last one holding the rest. */
    int tokensInChunk(int index) {
        return Math.min(tokensPerChunk, tokens - index * tokensPerChunk);
    }

    /** Mid-stream faults strike before this content chunk (or before the end when it equals chunks()): after half the chunks, at least one. */
    int faultPoint() {
        return Math.max(1, chunks() / 2);
    }

    long nextGapNanos(RandomGenerator random) {
        return TimeUnit.MILLISECONDS.toNanos(itlMs.draw(random));
    }

    boolean has(Fault fault) {
        return faults.contains(fault);
    }
}
