package dev.benchdeck.mockllm;

import java.util.random.RandomGenerator;

/**
 * The mock's answer generator for code that streams by itself (the gateway's {@code fake} provider):
 * one answer's timing and length drawn from a {@link MockLlmConfig} exactly as the mock's endpoints
 * draw them (faults and {@code X-Mock-*} headers aside), and the text of each chunk.
 *
 * <p>Content chunk {@code i} is due at start + {@link #ttftNanos()} + the sum of {@code i} draws of
 * {@link #nextGapNanos}; deadlines are absolute, so late wake-ups do not add up.
 */
public final class GeneratedAnswer {

    private final StreamPlan plan;

    private GeneratedAnswer(StreamPlan plan) {
        this.plan = plan;
    }

    /** Draws one answer; {@code maxTokens} (or null) caps its length. */
    public static GeneratedAnswer draw(MockLlmConfig config, Integer maxTokens, RandomGenerator random) {
        return new GeneratedAnswer(StreamPlan.draw(config, maxTokens, random));
    }

    /** Time from the request to the first content chunk. */
    public long ttftNanos() {
        return plan.ttftNanos();
    }

    public int chunks() {
        return plan.chunks();
    }

    /** Output tokens over all chunks. */
    public int tokens() {
        return plan.tokens();
    }

    /** Whether max_tokens cut the answer. */
    public boolean capped() {
        return plan.capped();
    }

    /** The gap before the next content chunk (a fresh draw each call). */
    public long nextGapNanos(RandomGenerator random) {
        return plan.nextGapNanos(random);
    }

    /** The text of content chunk {@code index}: its tokens, each a space and a word. */
    public String chunkText(int index, RandomGenerator random) {
        return Vocabulary.tokens(plan.tokensInChunk(index), random);
    }

    /** A text's tokens as the mock counts them: whitespace-separated words, at least 1. */
    public static int countTokens(CharSequence text) {
        return Vocabulary.countTokens(text);
    }
}
