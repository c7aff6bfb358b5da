package dev.benchdeck.engine.result;

import dev.benchdeck.engine.record.HistogramCodec;
import dev.benchdeck.engine.record.LatencySummary;
import org.HdrHistogram.Histogram;

/** A latency distribution: its summary in milliseconds and the histogram itself (µs, compressed, base64) for exact merging. */
public record Distribution(LatencySummary summary, String histogram) {

    public static Distribution of(Histogram micros) {
        return new Distribution(LatencySummary.of(micros), HistogramCodec.encode(micros));
    }

    public Histogram decode() {
        return HistogramCodec.decode(histogram);
    }
}
