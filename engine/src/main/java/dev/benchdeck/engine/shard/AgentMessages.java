package dev.benchdeck.engine.shard;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchdeck.engine.record.HistogramCodec;
import dev.benchdeck.engine.record.IntervalHistograms;
import dev.benchdeck.engine.record.IntervalSnapshot;
import dev.benchdeck.engine.record.SetupProgress;
import dev.benchdeck.engine.result.RunResult;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;

/**
 * What a load agent and the server say to each other (JSON over HTTP, snake_case, the agent's API token in the
 * {@code Authorization} header). The agent calls; the server answers. docs/agents.md describes the exchange.
 */
public final class AgentMessages {

    /**
     * The version of this exchange. A server refuses an agent that speaks another one, whatever their Benchdeck
     * versions; it changes whenever a message below changes incompatibly.
     */
    public static final int PROTOCOL = 1;

    /** How long an agent may be silent before the server counts it lost. */
    public static final java.time.Duration SILENCE_LIMIT = java.time.Duration.ofSeconds(5);

    private AgentMessages() {
    }

    /** The wall clock in µs since the epoch, as clock readings carry it on both sides. */
    public static long nowMicros() {
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1000;
    }

    /** {@code POST /api/v1/agents}: who the agent is and what it has. */
    public record Registration(String name, Map<String, String> labels, int cores, long memoryBytes, String version, int protocol) {
    }

    /** The answer to a registration: the agent's id and how often to send a heartbeat. */
    public record Registered(long agentId, long heartbeatMillis, String serverVersion) {
    }

    /**
     * {@code POST /api/v1/agents/clock}: the server's wall clock (µs since the epoch) when the request arrived and
     * when the answer left, for an NTP-style offset estimate.
     */
    public record ClockReading(long receivedMicros, long sentMicros) {
    }

    /** {@code POST /api/v1/agents/{id}/heartbeat}: alive, its clock offset (server − agent, µs) and the run it executes. */
    public record Heartbeat(long clockOffsetMicros, long roundTripMicros, @Nullable Long runId) {
    }

    /** The answer to a heartbeat: a shard to run (once), and whether the run it executes should stop. */
    public record HeartbeatReply(@Nullable Assignment assignment, boolean cancel) {
    }

    /**
     * A shard of a run: the plan to execute (already sharded, with the target's secrets) and the instant, on the
     * server's clock (ms since the epoch), when every agent of the run starts.
     */
    public record Assignment(long runId, int shardIndex, int shardCount, JsonNode plan, long startAtMillis) {
    }

    /** One second of a shard: the snapshot and its histograms, compressed ({@code null} when empty). */
    public record ShardInterval(IntervalSnapshot snapshot, @Nullable String latency, @Nullable String ttft, @Nullable String lag) {

        public static ShardInterval of(IntervalSnapshot snapshot, @Nullable IntervalHistograms histograms) {
            return histograms == null ? new ShardInterval(snapshot, null, null, null)
                    : new ShardInterval(snapshot, encode(histograms.latency()), encode(histograms.ttft()), encode(histograms.lag()));
        }

        private static @Nullable String encode(@Nullable Histogram h) {
            return h == null || h.getTotalCount() == 0 ? null : HistogramCodec.encode(h);
        }
    }

    /** What a shard ended with: its result (steps, intervals and all), or why it could not run. */
    public record ShardEnd(@Nullable RunResult result, @Nullable String failure) {
    }

    /**
     * The intervals an agent sends in one request (normally one; more after a pause in the network), or setup progress
     * (before the first step: loading data, warming pools), which the server shows live as for a run of its own.
     */
    public record ShardIntervals(List<ShardInterval> intervals, @Nullable List<SetupProgress> setup) {

        public ShardIntervals(List<ShardInterval> intervals) {
            this(intervals, null);
        }
    }
}
