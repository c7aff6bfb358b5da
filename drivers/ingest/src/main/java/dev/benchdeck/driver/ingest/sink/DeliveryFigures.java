package dev.benchdeck.driver.ingest.sink;

import dev.benchdeck.engine.driver.StepFigures;
import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * A step's delivery figures from the ledger and the sink's final count, over the messages whose publish the entry
 * confirmed and began once the measured window had opened (warm-up left out; the engine ends the load with the
 * window, and publishes still running then count, as the engine counts their requests):
 * <ul>
 *   <li>{@code e2e}: first sighting in the sink − publish start, per message seen by the watcher;</li>
 *   <li>{@code e2e_stamped}: the sink's timestamp column − publish start (wall clocks), where it is not negative;</li>
 *   <li>{@code drain}: last sighting − start of the step's last publish, one value, only when every message arrived;</li>
 *   <li>counts {@code sent}, {@code delivered} (in the sink at least once), {@code lost} (sent − delivered) and
 *       {@code duplicated} (messages with more than one row).</li>
 * </ul>
 */
public final class DeliveryFigures {

    private DeliveryFigures() {
    }

    /**
     * @param rows the sink's rows per sequence {@code first …}, or {@code null} when the step was cancelled (no
     *             final count: only the distributions)
     */
    public static StepFigures of(MessageLedger ledger, long first, long end, long measureStart,
                                 int[] rows, boolean drained) {
        Histogram e2e = new Histogram(3);
        Histogram stamped = new Histogram(3);
        long sent = 0;
        long delivered = 0;
        long duplicated = 0;
        long lastSend = Long.MIN_VALUE;
        long lastSeen = Long.MIN_VALUE;
        for (long seq = first; seq < end; seq++) {
            long sentAt = ledger.sentAt(seq);
            if (!ledger.isConfirmed(seq) || sentAt < measureStart) {
                continue;
            }
            sent++;
            lastSend = Math.max(lastSend, sentAt);
            long seenAt = ledger.seenAt(seq);
            if (seenAt != Long.MIN_VALUE) {
                e2e.recordValue(Math.max(0, (seenAt - sentAt) / 1000));
                lastSeen = Math.max(lastSeen, seenAt);
                long lag = ledger.stampLagMicros(seq);
                if (lag >= 0) {
                    stamped.recordValue(lag);
                }
            }
            if (rows != null) {
                int n = rows[(int) (seq - first)];
                delivered += n > 0 ? 1 : 0;
                duplicated += n > 1 ? 1 : 0;
            }
        }
        Map<String, Histogram> distributions = new LinkedHashMap<>();
        distributions.put("e2e", e2e);
        distributions.put("e2e_stamped", stamped);
        if (drained && sent > 0 && lastSeen != Long.MIN_VALUE) {
            Histogram drain = new Histogram(3);
            drain.recordValue(Math.max(0, (lastSeen - lastSend) / 1000));
            distributions.put("drain", drain);
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("sent", sent);
        if (rows != null) {
            counts.put("delivered", delivered);
            counts.put("lost", sent - delivered);
            counts.put("duplicated", duplicated);
        }
        return new StepFigures(distributions, counts);
    }
}
