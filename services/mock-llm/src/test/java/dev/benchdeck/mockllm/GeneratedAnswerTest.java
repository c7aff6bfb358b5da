package dev.benchdeck.mockllm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The public generator draws what the endpoints draw: timing, length, the max_tokens cap and the chunk texts. */
class GeneratedAnswerTest {

    @Test
    void drawsTheConfiguredTimingAndLengthWithoutJitter() {
        MockLlmConfig config = MockLlmConfig.defaults().toBuilder().ttft(150, 0).itl(30, 0).outputTokens(10, 0).tokensPerChunk(3).build();
        SplittableRandom random = new SplittableRandom(1);

        GeneratedAnswer answer = GeneratedAnswer.draw(config, null, random);

        assertThat(answer.ttftNanos()).isEqualTo(TimeUnit.MILLISECONDS.toNanos(150));
        assertThat(answer.nextGapNanos(random)).isEqualTo(TimeUnit.MILLISECONDS.toNanos(30));
        assertThat(answer.tokens()).isEqualTo(10);
        assertThat(answer.chunks()).isEqualTo(4);
        assertThat(answer.capped()).isFalse();
        int words = 0;
        for (int i = 0; i < answer.chunks(); i++) {
            words += GeneratedAnswer.countTokens(answer.chunkText(i, random));
        }
        assertThat(words).isEqualTo(10);
        assertThat(GeneratedAnswer.countTokens(answer.chunkText(3, random))).isEqualTo(1);
    }

    @Test
    void maxTokensCapsTheAnswer() {
        MockLlmConfig config = MockLlmConfig.defaults().toBuilder().outputTokens(50, 0).build();

        GeneratedAnswer answer = GeneratedAnswer.draw(config, 7, new SplittableRandom(2));

        assertThat(answer.tokens()).isEqualTo(7);
        assertThat(answer.capped()).isTrue();
    }

    @Test
    void faultSharesOfTheConfigDoNotApply() {
        MockLlmConfig config = MockLlmConfig.defaults().toBuilder().faults(new FaultShares(1, 1, 1, 1, 1)).ttft(0, 0).build();

        GeneratedAnswer answer = GeneratedAnswer.draw(config, null, new SplittableRandom(3));

        assertThat(answer.ttftNanos()).isZero();
        assertThat(answer.tokens()).isPositive();
    }
}
