package dev.benchdeck.ingestor.stats;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.benchdeck.ingestor.message.Message;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The ingestor's figures. Definitions (also in the README): {@code total} = rows in the messages table (counted at
 * start, then the rows each commit added); {@code throughput} = rows committed during the last whole second;
 * {@code batch write time} = from the start of COPY to the acknowledgement, per batch; {@code end-to-end latency} =
 * {@code inserted_at − created_at} per message, in microseconds. Histograms are cumulative since start and folded
 * in once a second ({@link #tick}).
 */
public final class IngestStats {

    /** Per-second points kept for charts. */
    public static final int SERIES_LENGTH = 120;

    private final LongAdder accepted = new LongAdder();
    private final LongAdder stored = new LongAdder();
    private final LongAdder redelivered = new LongAdder();
    private final LongAdder batches = new LongAdder();
    private final LongAdder batchedMessages = new LongAdder();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final Recorder writeMicros = new Recorder(3);
    private final Recorder e2eMicros = new Recorder(3);
    private final Histogram writeTotal = new Histogram(3);
    private final Histogram e2eTotal = new Histogram(3);
    private final ArrayDeque<ObjectNode> series = new ArrayDeque<>();
    private Histogram writeInterval;
    private Histogram e2eInterval;
    private volatile long baseTotal;
    private long storedAtLastTick;
    private volatile long lastSecond;

    public void baseTotal(long rows) {
        baseTotal = rows;
    }

    public void accepted(int n) {
        accepted.add(n);
    }

    public void error(String kind) {
        errors.computeIfAbsent(kind, k -> new LongAdder()).increment();
    }

    /** A batch committed: {@code inserted} new rows out of the delivery, written in {@code micros}. */
    public void batch(List<Message> messages, int inserted, long micros, Instant insertedAt) {
        batches.increment();
        batchedMessages.add(messages.size());
        stored.add(inserted);
        redelivered.add(messages.size() - inserted);
        writeMicros.recordValue(Math.max(0, micros));
        long at = ChronoUnit.MICROS.between(Instant.EPOCH, insertedAt);
        for (Message m : messages) {
            e2eMicros.recordValue(Math.max(0, at - ChronoUnit.MICROS.between(Instant.EPOCH, m.createdAt())));
        }
    }

    public long total() {
        return baseTotal + stored.sum();
    }

    /** Once a second: folds the interval histograms in and appends a point to the series. */
    public synchronized void tick(long epochSecond) {
        writeInterval = writeMicros.getIntervalHistogram(writeInterval);
        e2eInterval = e2eMicros.getIntervalHistogram(e2eInterval);
        writeTotal.add(writeInterval);
        e2eTotal.add(e2eInterval);
        long now = stored.sum();
        lastSecond = now - storedAtLastTick;
        storedAtLastTick = now;
        ObjectNode point = JsonNodeFactory.instance.objectNode();
        point.put("t", epochSecond).put("msgs_per_s", lastSecond)
                .put("e2e_p95_ms", ms(e2eInterval, 95)).put("e2e_p99_ms", ms(e2eInterval, 99));
        series.addLast(point);
        while (series.size() > SERIES_LENGTH) {
            series.removeFirst();
        }
    }

    /** GET /stats, without the parts the server adds (queue depth, workers). */
    public synchronized ObjectNode toJson() {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("total_messages", total());
        out.put("accepted", accepted.sum());
        out.put("stored", stored.sum());
        out.put("redelivered_skipped", redelivered.sum());
        out.put("throughput_msgs_per_s", lastSecond);
        long b = batches.sum();
        out.put("total_batches", b);
        out.put("mean_batch_size", b == 0 ? 0 : Math.round(batchedMessages.sum() * 10.0 / b) / 10.0);
        out.putObject("batch_write_ms").put("p50", ms(writeTotal, 50)).put("p99", ms(writeTotal, 99)).put("max", ms(writeTotal, 100));
        out.putObject("e2e_latency_ms").put("p50", ms(e2eTotal, 50)).put("p95", ms(e2eTotal, 95)).put("p99", ms(e2eTotal, 99))
                .put("count", e2eTotal.getTotalCount());
        ObjectNode err = out.putObject("errors");
        new TreeMap<>(errors).forEach((k, v) -> err.put(k, v.sum()));
        return out;
    }

    public synchronized ArrayNode series() {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        series.forEach(p -> out.add(p.deepCopy()));
        return out;
    }

    public Map<String, Long> errorCounts() {
        Map<String, Long> out = new TreeMap<>();
        errors.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    public long batches() {
        return batches.sum();
    }

    public long batchedMessages() {
        return batchedMessages.sum();
    }

    public long acceptedCount() {
        return accepted.sum();
    }

    private static double ms(Histogram h, double percentile) {
        if (h == null || h.getTotalCount() == 0) {
            return 0;
        }
        long micros = percentile >= 100 ? h.getMaxValue() : h.getValueAtPercentile(percentile);
        return Math.round(micros / 10.0) / 100.0;
    }
}
