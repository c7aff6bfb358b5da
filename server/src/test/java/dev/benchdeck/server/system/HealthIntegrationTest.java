package dev.benchdeck.server.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchdeck.embeddedpg.EmbeddedPostgres;
import dev.benchdeck.server.IntegrationTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** /actuator/health: each dependency with its details and no secret; the liveness and readiness groups. */
class HealthIntegrationTest extends IntegrationTestSupport {

    @Autowired
    EmbeddedPostgres pg;

    @Test
    void healthShowsTheDatabaseWithItsPoolAndEachServiceBenchdeckStarts() {
        Response response = get("/actuator/health");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode components = response.json().get("components");
        JsonNode db = components.get("db");
        assertThat(db.get("status").asText()).isEqualTo("UP");
        assertThat(db.at("/details/pool/max").asInt()).isEqualTo(20);
        assertThat(db.at("/details/pool/total").asInt()).isPositive();
        assertThat(db.at("/details/pool/connection_timeout_ms").asLong()).isEqualTo(DatabaseConfiguration.CONNECTION_TIMEOUT.toMillis());
        assertThat(db.at("/details/database").asText()).startsWith("PostgreSQL 17");
        JsonNode embedded = components.get("embeddedPostgres");
        assertThat(embedded.get("status").asText()).isEqualTo("UP");
        assertThat(embedded.at("/details/pid").asLong()).isEqualTo(pg.pid().orElseThrow());
        assertThat(embedded.at("/details/port").asInt()).isEqualTo(pg.port());
        assertThat(embedded.at("/details/supervised").asBoolean()).isTrue();
        assertThat(components.at("/diskSpace/status").asText()).isEqualTo("UP");
        assertThat(components.at("/mockLlm/status").asText()).isEqualTo("UP");
        assertThat(components.at("/mockLlm/details/url").asText()).startsWith("http://127.0.0.1:");
        assertThat(components.at("/demoTarget/status").asText()).isEqualTo("UP");
        assertThat(response.body()).doesNotContain(pg.password());

        assertThat(get("/actuator/health/liveness").json().get("status").asText()).isEqualTo("UP");
        JsonNode readiness = get("/actuator/health/readiness").json();
        assertThat(readiness.get("status").asText()).isEqualTo("UP");
        assertThat(readiness.get("components").has("db")).isTrue();
        assertThat(readiness.get("components").has("mockLlm")).as("the demos do not decide readiness").isFalse();
    }
}
