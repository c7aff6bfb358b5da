package dev.benchdeck.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchdeck.server.IntegrationTestSupport;
import org.junit.jupiter.api.Test;

/** The built-in mock LLM's configuration and statistics through the API. */
class MockLlmControllerIntegrationTest extends IntegrationTestSupport {

    @Test
    void theConfigurationIsReadChangedFieldByFieldAndBadValuesAreProblemsWithTheirPaths() {
        JsonNode before = get("/api/v1/mock-llm/config").json();
        assertThat(before.has("ttft_ms")).as(before.toString()).isTrue();
        try {
            Response changed = put("/api/v1/mock-llm/config", "{\"ttft_ms\": 321, \"faults\": {\"drop\": 0.5}}");
            assertThat(changed.status()).as(changed.body()).isEqualTo(200);
            JsonNode now = get("/api/v1/mock-llm/config").json();
            assertThat(now.get("ttft_ms").asLong()).isEqualTo(321);
            assertThat(now.get("faults").get("drop").asDouble()).isEqualTo(0.5);
            assertThat(now.get("itl_ms")).as("the fields not named stay").isEqualTo(before.get("itl_ms"));

            Response refused = put("/api/v1/mock-llm/config", "{\"ttft_ms\": -1, \"faults\": {\"stall\": 2}}");
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("errors").findValuesAsText("path")).contains("ttft_ms", "faults.stall");
            Response unknown = put("/api/v1/mock-llm/config", "{\"speed\": 1}");
            assertThat(unknown.status()).isEqualTo(400);
            assertThat(unknown.json().get("errors").findValuesAsText("path")).containsExactly("speed");
            assertThat(put("/api/v1/mock-llm/config", "[1]").status()).isEqualTo(400);
        } finally {
            put("/api/v1/mock-llm/config", before.toString());
        }
        Response stats = get("/api/v1/mock-llm/stats");
        assertThat(stats.status()).isEqualTo(200);
        assertThat(stats.json().isObject()).isTrue();
    }
}
