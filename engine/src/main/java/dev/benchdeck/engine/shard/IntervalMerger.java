package dev.benchdeck.engine.shard;

import dev.benchdeck.engine.record.HistogramCodec;
import dev.benchdeck.engine.record.IntervalHistograms;
import dev.benchdeck.engine.record.IntervalSnapshot;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;

/**
 * The same second of a run as several agents measured it, as one interval: counts, rates, users and in-flight
 * requests add up; percentiles come from the agents' histograms added together, never from their percentiles.
 * Other processes' CPU is left out ({@code null}): agents on one machine count each other in it.
 */
public final class IntervalMerger {

    private IntervalMerger() {
    }

    public static IntervalSnapshot merge(List<AgentMessages.ShardInterval> shards) {
        if (shards.isEmpty()) {
            throw new IllegalArgumentException("nothing to merge");
        }
        IntervalSnapshot first = shards.getFirst().snapshot();
        double elapsed = 0, stepElapsed = 0, seconds = 0, throughput = 0;
        long completed = 0, ok = 0, errors = 0, dropped = 0;
        int inFlight = 0, users = 0;
        Long tokens = null;
        Double cpu = 0.0;
        Map<String, Double> gauges = new HashMap<>();
        Histogram latency = new Histogram(3), ttft = new Histogram(3), lag = new Histogram(3);
        for (AgentMessages.ShardInterval shard : shards) {
            IntervalSnapshot s = shard.snapshot();
            elapsed = Math.max(elapsed, s.elapsedSeconds());
            stepElapsed = Math.max(stepElapsed, s.stepElapsedSeconds());
            seconds = Math.max(seconds, s.intervalSeconds());
            completed += s.completed();
            ok += s.ok();
            errors += s.errors();
            dropped += s.dropped();
            throughput += s.throughput();
            inFlight += s.inFlight();
            users += s.users();
            if (s.outputTokens() != null) {
                tokens = (tokens == null ? 0 : tokens) + s.outputTokens();
            }
            cpu = cpu == null || s.cpuProcess() == null ? null : cpu + s.cpuProcess();
            s.gauges().forEach((k, v) -> gauges.merge(k, v, Double::sum));
            add(latency, shard.latency());
            add(ttft, shard.ttft());
            add(lag, shard.lag());
        }
        return new IntervalSnapshot(elapsed, first.step(), first.stepLabel(), first.phase(), stepElapsed, seconds,
                completed, ok, errors, dropped, throughput,
                ms(latency, 50), ms(latency, 90), ms(latency, 99), ms(latency, 100), inFlight, users, gauges,
                tokens, ms(ttft, 50), ms(ttft, 99), cpu, null, ms(lag, 99));
    }

    private static void add(Histogram sum, @Nullable String encoded) {
        if (encoded != null) {
            sum.add(HistogramCodec.decode(encoded));
        }
    }

    private static @Nullable Double ms(Histogram h, double percentile) {
        return IntervalHistograms.millis(h, percentile);
    }
}
