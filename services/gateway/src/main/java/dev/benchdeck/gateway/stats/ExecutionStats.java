package dev.benchdeck.gateway.stats;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * The gateway's own figures: a {@link LatencyRecorder} per stage (and for the queue wait and cache replays)
 * and the {@link Counter}s. Written from every event loop at once; read by the admin API and /admin/metrics.
 */
public final class ExecutionStats {

    private final Map<Stage, LatencyRecorder> stages = new EnumMap<>(Stage.class);
    private final Map<Timed, LatencyRecorder> timed = new EnumMap<>(Timed.class);
    private final Map<Counter, LongAdder> counters = new EnumMap<>(Counter.class);
    private final long startedNanos = System.nanoTime();

    public ExecutionStats() {
        for (Stage s : Stage.values()) {
            stages.put(s, new LatencyRecorder());
        }
        for (Timed t : Timed.values()) {
            timed.put(t, new LatencyRecorder());
        }
        for (Counter c : Counter.values()) {
            counters.put(c, new LongAdder());
        }
    }

    public void record(Stage stage, long nanos) {
        stages.get(stage).record(nanos);
    }

    public void record(Timed what, long nanos) {
        timed.get(what).record(nanos);
    }

    public void count(Counter counter) {
        counters.get(counter).increment();
    }

    public void add(Counter counter, long amount) {
        counters.get(counter).add(amount);
    }

    public long get(Counter counter) {
        return counters.get(counter).sum();
    }

    public LatencyRecorder stage(Stage stage) {
        return stages.get(stage);
    }

    public LatencyRecorder timed(Timed what) {
        return timed.get(what);
    }

    /** Closes one second of every recent window. */
    public void tick() {
        stages.values().forEach(LatencyRecorder::tick);
        timed.values().forEach(LatencyRecorder::tick);
    }

    public double uptimeSeconds() {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    /** hits / lookups, the lookups being requests that reached the cache stage with caching on; 0 before any. */
    public double cacheHitRatio() {
        long lookups = get(Counter.CACHE_LOOKUPS);
        return lookups == 0 ? 0 : (double) (get(Counter.CACHE_L1_HITS) + get(Counter.CACHE_L2_HITS)) / lookups;
    }

    /**
     * The execution-stats document, without the parts the gateway adds (providers, redis, active streams):
     * {@code stages}, {@code recent}, {@code queue_wait}, {@code cache_replay}, {@code requests}, {@code cache},
     * {@code rate_limited}, {@code failovers}, {@code queue}, {@code tokens}, {@code counters}.
     */
    public ObjectNode toJson() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode out = f.objectNode();
        out.put("uptime_seconds", Math.round(uptimeSeconds() * 10) / 10.0);
        ObjectNode stageJson = out.putObject("stages");
        ObjectNode recent = f.objectNode();
        for (Stage s : Stage.values()) {
            stageJson.set(s.key(), stages.get(s).totalJson());
            recent.set(s.key(), stages.get(s).recentJson());
        }
        out.putObject("recent").put("window_seconds", LatencyRecorder.WINDOW_SECONDS).set("stages", recent);
        for (Timed t : Timed.values()) {
            out.set(t.key(), timed.get(t).totalJson());
        }
        out.putObject("requests").put("received", get(Counter.REQUESTS)).put("completed", get(Counter.COMPLETED))
                .put("failed", get(Counter.FAILED)).put("client_disconnected", get(Counter.CLIENT_DISCONNECTED))
                .put("rejected_invalid", get(Counter.REJECTED_INVALID)).put("no_provider", get(Counter.NO_PROVIDER));
        out.putObject("cache").put("lookups", get(Counter.CACHE_LOOKUPS)).put("l1_hits", get(Counter.CACHE_L1_HITS))
                .put("l2_hits", get(Counter.CACHE_L2_HITS)).put("misses", get(Counter.CACHE_MISSES))
                .put("stores", get(Counter.CACHE_STORES)).put("hit_ratio", Math.round(cacheHitRatio() * 10_000) / 10_000.0);
        long requestLimited = get(Counter.RATE_LIMITED_REQUESTS);
        long tokenLimited = get(Counter.RATE_LIMITED_TOKENS);
        out.put("rate_limited", requestLimited + tokenLimited);
        out.putObject("rate_limits").put("requests_per_minute", requestLimited).put("tokens_per_minute", tokenLimited)
                .put("streams_cut_by_token_limit", get(Counter.TOKEN_LIMIT_CUTS));
        out.put("failovers", get(Counter.FAILOVERS));
        out.putObject("queue").put("waits", get(Counter.QUEUE_WAITS)).put("timeouts", get(Counter.QUEUE_TIMEOUTS))
                .put("full", get(Counter.QUEUE_FULL));
        out.putObject("tokens").put("input", get(Counter.INPUT_TOKENS)).put("output", get(Counter.OUTPUT_TOKENS));
        return out;
    }
}
