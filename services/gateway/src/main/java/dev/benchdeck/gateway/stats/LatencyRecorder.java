package dev.benchdeck.gateway.stats;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * One duration's HdrHistograms: recording is wait-free from any thread ({@link Recorder}); reading folds
 * the interval into the histogram since start and keeps the last {@value #WINDOW_SECONDS} one-second
 * intervals for the recent window. Nanoseconds, 3 significant digits, up to an hour.
 */
public final class LatencyRecorder {

    public static final int WINDOW_SECONDS = 10;
    private static final long MAX = TimeUnit.HOURS.toNanos(1);

    private final Recorder recorder = new Recorder(MAX, 3);
    private final Histogram total = new Histogram(MAX, 3);
    private final ArrayDeque<Histogram> window = new ArrayDeque<>();
    private Histogram current = new Histogram(MAX, 3);
    private Histogram spare;

    public void record(long nanos) {
        recorder.recordValue(Math.min(Math.max(nanos, 0), MAX));
    }

    /** Moves what was recorded into the totals and the current second. */
    private void drain() {
        spare = recorder.getIntervalHistogram(spare);
        total.add(spare);
        current.add(spare);
    }

    /** Closes the current second of the recent window (called once a second). */
    public synchronized void tick() {
        drain();
        window.addLast(current);
        current = window.size() >= WINDOW_SECONDS ? window.removeFirst() : new Histogram(MAX, 3);
        current.reset();
    }

    /** {count, mean_ms, p50_ms, p90_ms, p95_ms, p99_ms, max_ms} since start. */
    public synchronized ObjectNode totalJson() {
        drain();
        return json(total);
    }

    /** The same over the last {@value #WINDOW_SECONDS} seconds. */
    public synchronized ObjectNode recentJson() {
        drain();
        Histogram merged = new Histogram(MAX, 3);
        window.forEach(merged::add);
        merged.add(current);
        return json(merged);
    }

    /** A copy of the histogram since start (for the Prometheus summary). */
    public synchronized Histogram totalCopy() {
        drain();
        return total.copy();
    }

    static ObjectNode json(Histogram h) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        long count = h.getTotalCount();
        out.put("count", count);
        out.put("mean_ms", count == 0 ? 0 : ms(h.getMean()));
        for (double p : new double[] {50, 90, 95, 99}) {
            out.put("p" + (int) p + "_ms", count == 0 ? 0 : ms(h.getValueAtPercentile(p)));
        }
        out.put("max_ms", count == 0 ? 0 : ms(h.getMaxValue()));
        return out;
    }

    /** Milliseconds with microsecond precision. */
    static double ms(double nanos) {
        return Math.round(nanos / 1_000.0) / 1_000.0;
    }
}
