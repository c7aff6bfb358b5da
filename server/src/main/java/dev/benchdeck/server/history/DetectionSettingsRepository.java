package dev.benchdeck.server.history;

import dev.benchdeck.server.system.Json;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Each scenario's detection settings; a scenario without a row has the defaults. */
@Repository
class DetectionSettingsRepository {

    private final JdbcClient jdbc;

    DetectionSettingsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    DetectionSettings get(long scenarioId) {
        Optional<String> stored = jdbc.sql("select settings::text from detection_settings where scenario_id = :id")
                .param("id", scenarioId).query(String.class).optional();
        return stored.map(json -> Json.read(json, DetectionSettings.class)).orElseGet(DetectionSettings::defaults);
    }

    void put(long scenarioId, DetectionSettings settings, String by) {
        jdbc.sql("""
                        insert into detection_settings (scenario_id, settings, updated_by) values (:id, cast(:settings as jsonb), :by)
                        on conflict (scenario_id) do update set settings = excluded.settings, updated_by = excluded.updated_by, updated_at = now()""")
                .param("id", scenarioId).param("settings", Json.write(settings)).param("by", by).update();
    }
}
