package dev.benchdeck.engine.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Pins each stream metric's definition on hand-built timelines (times in ms, as nanoseconds). */
class StreamTimelineTest {

    private static final long MS = 1_000_000L;

    private static long[] ms(long... values) {
        long[] out = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] * MS;
        }
        return out;
    }

    // sent at 0; content at 200, 220, 250, 260 ms; ended at 300 ms; the server said 7 output tokens
    private final StreamTimeline withUsage = StreamTimeline.of(0, ms(200, 220, 250, 260), 300 * MS, 7L);

    @Test
    void ttftIsFromTheSendToTheFirstContentEvent() {
        assertThat(withUsage.ttftNanos()).hasValue(200 * MS);
        assertThat(StreamTimeline.of(5 * MS, ms(), 90 * MS, null).ttftNanos()).isEmpty();
    }

    @Test
    void itlIsEveryGapBetweenConsecutiveContentEvents() {
        assertThat(withUsage.itlNanos()).containsExactly(20 * MS, 30 * MS, 10 * MS);
        assertThat(StreamTimeline.of(0, ms(10), 20 * MS, null).itlNanos()).isEmpty();
    }

    @Test
    void eventsReadAtTheSameInstantAsTheOneBeforeAreCoalesced() {
        // 200 alone, then three in one read at 250, then two in one read at 300: 2 + 1 coalesced, each an ITL of 0
        StreamTimeline stream = StreamTimeline.of(0, ms(200, 250, 250, 250, 300, 300), 310 * MS, null);
        assertThat(stream.coalescedEvents()).isEqualTo(3);
        assertThat(stream.itlNanos()).containsExactly(50 * MS, 0, 0, 50 * MS, 0);
        assertThat(withUsage.coalescedEvents()).isZero();
        assertThat(StreamTimeline.of(0, ms(), MS, null).coalescedEvents()).isZero();
    }

    @Test
    void tpotSpreadsTheContentSpanOverTheTokensAfterTheFirst() {
        // (260 − 200) / (7 − 1) = 10 ms: several tokens may arrive in one chunk, usage knows how many
        assertThat(withUsage.tpotNanos()).hasValue(10.0 * MS);
        // without usage each content event counts as one token: 60 / 3 = 20 ms
        assertThat(StreamTimeline.of(0, ms(200, 220, 250, 260), 300 * MS, null).tpotNanos()).hasValue(20.0 * MS);
        assertThat(StreamTimeline.of(0, ms(200), 300 * MS, 1L).tpotNanos()).isEmpty();
        assertThat(StreamTimeline.of(0, ms(200), 300 * MS, 5L).tpotNanos()).isEmpty();
    }

    @Test
    void outputTokensComeFromUsageWhenSentElseFromContentEvents() {
        assertThat(withUsage.outputTokens()).isEqualTo(7);
        assertThat(withUsage.tokenSource()).isEqualTo(StreamTimeline.TokenSource.USAGE);
        StreamTimeline counted = StreamTimeline.of(0, ms(1, 2, 3), 4 * MS, null);
        assertThat(counted.outputTokens()).isEqualTo(3);
        assertThat(counted.tokenSource()).isEqualTo(StreamTimeline.TokenSource.COUNTED);
    }

    @Test
    void e2eAndTokensPerSecond() {
        assertThat(withUsage.e2eNanos()).isEqualTo(300 * MS);
        assertThat(withUsage.tokensPerSecond()).isEqualTo(7 / 0.3);
    }

    @Test
    void goodputCountsRequestsMeetingEveryObjectiveGiven() {
        assertThat(ServiceLevels.NONE.metBy(withUsage)).isTrue();
        assertThat(new ServiceLevels(Duration.ofMillis(200), null, null).metBy(withUsage)).isTrue();
        assertThat(new ServiceLevels(Duration.ofMillis(199), null, null).metBy(withUsage)).isFalse();
        assertThat(new ServiceLevels(null, Duration.ofMillis(10), null).metBy(withUsage)).isTrue();
        assertThat(new ServiceLevels(null, Duration.ofMillis(9), null).metBy(withUsage)).isFalse();
        assertThat(new ServiceLevels(null, null, Duration.ofMillis(299)).metBy(withUsage)).isFalse();
        // no content at all cannot meet a TTFT objective
        assertThat(new ServiceLevels(Duration.ofSeconds(1), null, null).metBy(StreamTimeline.of(0, ms(), MS, null))).isFalse();
    }

    @Test
    void contentEventsMustBeInOrder() {
        assertThatThrownBy(() -> StreamTimeline.of(0, ms(5, 3), 10 * MS, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
