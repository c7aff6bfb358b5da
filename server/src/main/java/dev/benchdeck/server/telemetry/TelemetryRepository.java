package dev.benchdeck.server.telemetry;

import dev.benchdeck.server.system.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A run's telemetry samples, in {@code run_telemetry}. */
@Repository
class TelemetryRepository {

    private final JdbcClient jdbc;

    TelemetryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(long runId, TelemetrySample sample) {
        jdbc.sql("""
                        insert into run_telemetry (run_id, seq, elapsed_seconds, source, metrics)
                        values (:run, :seq, :elapsed, :source, cast(:metrics as jsonb))""")
                .param("run", runId).param("seq", sample.seq()).param("elapsed", sample.elapsedSeconds())
                .param("source", sample.source()).param("metrics", Json.write(sample.metrics())).update();
    }

    // read here rather than through the run feature, which depends on this one (it starts the sampling)
    boolean runExists(long runId) {
        return jdbc.sql("select exists (select 1 from runs where id = :run)").param("run", runId).query(Boolean.class).single();
    }

    List<TelemetrySample> find(long runId) {
        return jdbc.sql("select seq, elapsed_seconds, source, metrics::text from run_telemetry where run_id = :run order by seq")
                .param("run", runId)
                .query((rs, row) -> new TelemetrySample(rs.getInt(1), rs.getDouble(2), rs.getString(3),
                        metrics(rs.getString(4))))
                .list();
    }

    private static Map<String, Double> metrics(String json) {
        Map<String, Double> out = new LinkedHashMap<>();
        Json.read(json).properties().forEach(e -> out.put(e.getKey(), e.getValue().asDouble()));
        return out;
    }
}
