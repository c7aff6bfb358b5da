package dev.benchdeck.server.ingestor;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * One second of an ingestor's series: {@code t} (epoch ms of the sample), throughput (rows committed in the
 * ingestor's last whole second), queue depth, totals, and the e2e p95/p99 of the messages stored in that second
 * (the ingestor's own per-second point; null when none were). All figures null when the ingestor did not answer.
 */
@Schema(name = "IngestorPoint")
record IngestorPoint(long t, @Nullable Double msgsPerS, @Nullable Long queueDepth, @Nullable Long totalMessages,
                     @Nullable Long totalBatches, @Nullable Double meanBatchSize, @Nullable Double e2eP95Ms,
                     @Nullable Double e2eP99Ms) {

    static IngestorPoint gap(long t) {
        return new IngestorPoint(t, null, null, null, null, null, null, null);
    }

    /** The point of a sample: the cards' figures and the last per-second e2e point of the ingestor's own series. */
    static IngestorPoint of(long t, IngestorStats stats, JsonNode ingestorSeries) {
        JsonNode last = ingestorSeries != null && ingestorSeries.isArray() && !ingestorSeries.isEmpty()
                ? ingestorSeries.get(ingestorSeries.size() - 1) : null;
        boolean stored = last != null && last.path("msgs_per_s").asLong() > 0;
        return new IngestorPoint(t, stats.throughputMsgsPerS(), stats.queueDepth(), stats.totalMessages(), stats.totalBatches(),
                stats.meanBatchSize(), stored ? IngestorStats.doubleOrNull(last.get("e2e_p95_ms")) : null,
                stored ? IngestorStats.doubleOrNull(last.get("e2e_p99_ms")) : null);
    }
}
