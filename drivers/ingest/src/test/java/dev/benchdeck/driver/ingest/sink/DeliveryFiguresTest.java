package dev.benchdeck.driver.ingest.sink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchdeck.driver.ingest.MessageIds;
import dev.benchdeck.engine.driver.StepFigures;
import org.junit.jupiter.api.Test;

/** The definitions of docs/metrics.md's ingestion figures, on a ledger filled by hand (times in nanoseconds). */
class DeliveryFiguresTest {

    private static final long MS = 1_000_000;

    @Test
    void onlyConfirmedMessagesOfTheMeasuredWindowCountAndRowsGiveDeliveredLostAndDuplicated() {
        MessageLedger ledger = new MessageLedger(0);
        // 0: warm-up (sent before the window), 1–4: measured, 5: its publish failed
        long[] sent = {5 * MS, 20 * MS, 21 * MS, 22 * MS, 30 * MS, 31 * MS};
        for (int seq = 0; seq < sent.length; seq++) {
            ledger.sending(seq, sent[seq]);
            if (seq == 5) {
                ledger.failed(seq);
            } else {
                ledger.confirmed(seq);
            }
        }
        ledger.seen(0, 15 * MS, 1000);
        ledger.seen(1, 30 * MS, 9000);
        ledger.seen(2, 41 * MS, -5); // a sink clock behind ours: no stamped value
        ledger.seen(4, 70 * MS, 30_000);
        assertThat(ledger.pending()).isEqualTo(1); // message 3

        int[] rows = {1, 1, 2, 0, 1, 1};
        StepFigures f = DeliveryFigures.of(ledger, 0, 6, 10 * MS, rows, false);

        assertThat(f.counts()).containsEntry("sent", 4L).containsEntry("delivered", 3L).containsEntry("lost", 1L)
                .containsEntry("duplicated", 1L);
        assertThat(f.distributions().get("e2e").getTotalCount()).isEqualTo(3);
        assertThat(f.distributions().get("e2e").getMinValue()).isEqualTo(10_000); // 30 − 20 ms, in µs
        assertThat(f.distributions().get("e2e").valuesAreEquivalent(f.distributions().get("e2e").getMaxValue(), 40_000)).isTrue(); // 70 − 30 ms, to 3 digits
        assertThat(f.distributions().get("e2e_stamped").getTotalCount()).isEqualTo(2);
        assertThat(f.distributions()).doesNotContainKey("drain");
    }

    @Test
    void drainRunsFromTheLastPublishToTheLastSightingWhenAllArrived() {
        MessageLedger ledger = new MessageLedger(0);
        for (int seq = 0; seq < 3; seq++) {
            ledger.sending(seq, (10 + seq) * MS);
            ledger.seen(seq, (40 + seq) * MS, 0); // seen before the confirmation arrived: still counted once
            ledger.confirmed(seq);
        }
        assertThat(ledger.pending()).isZero();

        StepFigures f = DeliveryFigures.of(ledger, 0, 3, 0, new int[] {1, 1, 1}, true);

        assertThat(f.distributions().get("drain").getTotalCount()).isEqualTo(1);
        assertThat(f.distributions().get("drain").valuesAreEquivalent(f.distributions().get("drain").getMaxValue(), 30_000)).isTrue(); // 42 − 12 ms
        assertThat(f.counts()).containsEntry("lost", 0L).containsEntry("duplicated", 0L);
    }

    @Test
    void writingOffAStepsMissingMessagesEmptiesTheBacklogAndALateSightingDoesNotUnderflowIt() {
        MessageLedger ledger = new MessageLedger(0);
        ledger.sending(0, MS);
        ledger.confirmed(0);
        assertThat(ledger.pending()).isEqualTo(1);
        ledger.writeOff(0);
        assertThat(ledger.pending()).isZero();
        ledger.seen(0, 2 * MS, 0);
        assertThat(ledger.pending()).isZero();
        assertThat(ledger.seenCount()).isEqualTo(1);
    }

    @Test
    void idsSortAsTheirSequencesAndOtherIdsAreNotOurs() {
        MessageIds ids = new MessageIds("bd-run-");
        assertThat(ids.id(42)).isEqualTo("bd-run-000000000042");
        assertThat(ids.id(9)).isLessThan(ids.id(10));
        assertThat(ids.sequence(ids.id(123_456_789_012L))).isEqualTo(123_456_789_012L);
        assertThat(ids.sequence("bd-other-00000000042")).isEqualTo(-1);
        assertThat(ids.sequence("bd-run-00000000004x")).isEqualTo(-1);
        assertThat(MessageIds.random().prefix()).isNotEqualTo(MessageIds.random().prefix()).matches("bd-[a-z0-9]{10}-");
    }
}
