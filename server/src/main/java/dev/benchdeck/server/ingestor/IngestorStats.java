package dev.benchdeck.server.ingestor;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An ingestor's figures at one moment, as the Ingestion page's cards show them (definitions are the ingestor's
 * own, from its {@code GET /stats}): {@code connected} when it answered, else {@code disconnected} with the reason
 * and no figures. {@code queue_depth} = messages waiting + taken but not acknowledged; e2e percentiles are since
 * the ingestor started.
 */
@Schema(name = "IngestorStats")
record IngestorStats(long targetId, String status, @Nullable String error, Instant sampledAt,
                     @Nullable Long totalMessages, @Nullable Long queueDepth, @Nullable Long queueWaiting,
                     @Nullable Long queueUnacknowledged, @Nullable String queueKind, @Nullable Double throughputMsgsPerS,
                     @Nullable Long totalBatches, @Nullable Double meanBatchSize, @Nullable Double e2eP50Ms,
                     @Nullable Double e2eP95Ms, @Nullable Double e2eP99Ms, @Nullable Integer workersAlive,
                     List<Simulation> simulations) {

    static final String CONNECTED = "connected";
    static final String DISCONNECTED = "disconnected";

    /** A burst simulation the ingestor runs or ran: how far it got. */
    @Schema(name = "IngestorSimulation")
    record Simulation(String id, long count, double rate, long published, String state, String startedAt, @Nullable String error) {

        static Simulation of(JsonNode s) {
            return new Simulation(s.path("id").asText(), s.path("count").asLong(), s.path("rate").asDouble(),
                    s.path("published").asLong(), s.path("state").asText(), s.path("started_at").asText(),
                    s.hasNonNull("error") ? s.get("error").asText() : null);
        }
    }

    static IngestorStats disconnected(long targetId, Instant at, String error) {
        return new IngestorStats(targetId, DISCONNECTED, error, at, null, null, null, null, null, null, null, null, null,
                null, null, null, List.of());
    }

    /** From the ingestor's {@code GET /stats} document. */
    static IngestorStats of(long targetId, Instant at, JsonNode stats) {
        JsonNode queue = stats.path("queue");
        Long waiting = longOrNull(queue.get("waiting"));
        Long unacknowledged = longOrNull(queue.get("unacknowledged"));
        List<Simulation> simulations = new ArrayList<>();
        stats.path("simulations").forEach(s -> simulations.add(Simulation.of(s)));
        JsonNode e2e = stats.path("e2e_latency_ms");
        return new IngestorStats(targetId, CONNECTED, queue.hasNonNull("error") ? "queue: " + queue.get("error").asText() : null, at,
                longOrNull(stats.get("total_messages")), waiting == null || unacknowledged == null ? null : waiting + unacknowledged,
                waiting, unacknowledged, queue.path("kind").asText(null), doubleOrNull(stats.get("throughput_msgs_per_s")),
                longOrNull(stats.get("total_batches")), doubleOrNull(stats.get("mean_batch_size")),
                doubleOrNull(e2e.get("p50")), doubleOrNull(e2e.get("p95")), doubleOrNull(e2e.get("p99")),
                stats.path("workers").hasNonNull("alive") ? stats.path("workers").get("alive").asInt() : null, List.copyOf(simulations));
    }

    static Long longOrNull(JsonNode n) {
        return n == null || !n.isNumber() ? null : n.asLong();
    }

    static Double doubleOrNull(JsonNode n) {
        return n == null || !n.isNumber() ? null : n.asDouble();
    }
}
