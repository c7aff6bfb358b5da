package dev.benchdeck.engine.telemetry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Several sources of one target read as one (its driver's figures and its Prometheus series): a source
 * that cannot be read this second is left out, so one endpoint down does not hide the others.
 */
public final class CombinedTelemetry implements TelemetrySource {

    private final List<TelemetrySource> sources;

    private CombinedTelemetry(List<TelemetrySource> sources) {
        this.sources = List.copyOf(sources);
    }

    /** The one source itself, or the sources combined; at least one. */
    public static TelemetrySource of(List<TelemetrySource> sources) {
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("no telemetry source");
        }
        return sources.size() == 1 ? sources.get(0) : new CombinedTelemetry(sources);
    }

    /** @throws Exception the first source's failure, when no source could be read */
    @Override
    public Map<String, Double> sample() throws Exception {
        Map<String, Double> merged = new LinkedHashMap<>();
        Exception failure = null;
        int read = 0;
        for (TelemetrySource source : sources) {
            try {
                merged.putAll(source.sample());
                read++;
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                failure = failure == null ? e : failure;
            }
        }
        if (read == 0) {
            throw failure;
        }
        return merged;
    }

    @Override
    public void close() {
        for (TelemetrySource source : sources) {
            source.close();
        }
    }
}
