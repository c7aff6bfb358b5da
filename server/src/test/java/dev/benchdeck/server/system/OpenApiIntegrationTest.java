package dev.benchdeck.server.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.benchdeck.server.IntegrationTestSupport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springdoc.core.properties.SpringDocConfigProperties;
import org.springdoc.core.properties.SwaggerUiConfigProperties;
import org.springframework.beans.factory.annotation.Autowired;

/** The OpenAPI document describes the API as it is, and ui/openapi.json is a snapshot of it. */
class OpenApiIntegrationTest extends IntegrationTestSupport {

    static final Path SNAPSHOT = Path.of("..", "ui", "openapi.json");
    static final String UPDATE = "openapi.update";
    @Autowired
    SpringDocConfigProperties springDoc;

    @Autowired
    SwaggerUiConfigProperties swaggerUi;

    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private JsonNode document() {
        Response response = get("/v3/api-docs");
        assertThat(response.status()).isEqualTo(200);
        return response.json();
    }

    @Test
    void everySchemaPropertyIsSnakeCaseAsTheApiWritesIt() {
        List<String> camel = new ArrayList<>();
        document().path("components").path("schemas").properties().forEach(schema ->
                schema.getValue().path("properties").properties().forEach(property -> {
                    if (!property.getKey().matches("[a-z0-9_]+")) {
                        camel.add(schema.getKey() + "." + property.getKey());
                    }
                }));
        assertThat(camel).as("properties not in snake_case").isEmpty();
        JsonNode detail = document().path("components").path("schemas").path("RunDetail").path("properties");
        assertThat(detail.path("steps").path("type").asText()).isEqualTo("array");
        assertThat(detail.path("steps").path("items").path("$ref").asText()).isEqualTo("#/components/schemas/StepResult");
        assertThat(detail.path("environment").path("anyOf").toString())
                .isEqualTo("[{\"$ref\":\"#/components/schemas/EnvironmentInfo\"},{\"type\":\"null\"}]");
        assertThat(document().path("components").path("schemas").path("RunSummary").path("properties").path("status")
                .path("enum").toString()).contains("\"completed\"", "\"interrupted\"");
    }

    /** What the UI's generated types rely on: answers list every property, nulls where the server may write null. */
    @Test
    void answersRequireEveryPropertyAndSayWhichMayBeNull() {
        JsonNode schemas = document().path("components").path("schemas");
        JsonNode summary = schemas.path("RunSummary");
        assertThat(summary.path("required").toString()).contains("\"id\"", "\"ended_at\"", "\"thresholds_passed\"");
        assertThat(summary.path("properties").path("ended_at").path("type").toString()).isEqualTo("[\"string\",\"null\"]");
        assertThat(summary.path("properties").path("scenario_id").path("type").toString())
                .as("a run outlives its scenario").isEqualTo("[\"integer\",\"null\"]");
        assertThat(summary.path("properties").path("target_name").path("type").toString()).isEqualTo("\"string\"");
        JsonNode interval = schemas.path("IntervalSnapshot").path("properties");
        assertThat(interval.path("ttft_p50").path("type").toString()).isEqualTo("[\"number\",\"null\"]");
        assertThat(interval.path("phase").path("enum").toString()).isEqualTo("[\"ramp\",\"warmup\",\"measure\"]");
        assertThat(schemas.path("StepResult").path("properties").path("stream").path("anyOf").toString()).contains("StreamFigures", "null");
        assertThat(schemas.path("Target").path("properties").path("kind").path("enum").toString())
                .isEqualTo("[\"http\",\"postgres\",\"llm\",\"automation\",\"gateway\",\"ingestor\"]");
        assertThat(schemas.path("TargetRequest").path("required").toString())
                .as("a request keeps what a client must send").isEqualTo("[\"name\"]");
        assertThat(schemas.path("Credentials").has("required")).isFalse();
    }

    @Test
    void requestsBuiltFromTheDocumentsSchemasSucceed() {
        JsonNode schemas = document().path("components").path("schemas");
        JsonNode targetProperties = schemas.path("TargetRequest").path("properties");
        ObjectNode target = Json.mapper().createObjectNode();
        target.put(named(targetProperties, "name"), "made from the OpenAPI document");
        target.put(named(targetProperties, "kind"), "http");
        target.put(named(targetProperties, "url"), "http://127.0.0.1:9/");
        Response createdTarget = post("/api/v1/targets", target.toString());
        assertThat(createdTarget.status()).as(createdTarget.body()).isEqualTo(201);

        JsonNode scenarioProperties = schemas.path("ScenarioRequest").path("properties");
        ObjectNode scenario = Json.mapper().createObjectNode();
        scenario.put(named(scenarioProperties, "name"), "made from the OpenAPI document");
        scenario.put(named(scenarioProperties, "target_id"), createdTarget.json().get("id").asLong());
        scenario.put(named(scenarioProperties, "plan_yaml"), "workload: {driver: http, path: /}\nload: {users: 1, duration: 1s}\n");
        Response createdScenario = post("/api/v1/scenarios", scenario.toString());
        assertThat(createdScenario.status()).as(createdScenario.body()).isEqualTo(201);
        assertThat(schemas.path("ScenarioRequest").path("required").toString()).contains("\"target_id\"", "\"plan_yaml\"");
    }

    /** The document's property with this name (as the API takes it), failing when the document names it otherwise. */
    private static String named(JsonNode properties, String apiName) {
        List<String> names = new ArrayList<>();
        properties.fieldNames().forEachRemaining(names::add);
        assertThat(names).as("the document's properties").contains(apiName);
        return names.get(names.indexOf(apiName));
    }

    /** SpringDoc warns at startup that an endpoint is "enabled by default" unless it was switched on explicitly. */
    @Test
    void theDocumentAndSwaggerUiAreOnByChoiceSoSpringDocDoesNotWarn() {
        assertThat(springDoc.getApiDocs().isEnabled()).isTrue();
        assertThat(swaggerUi.isEnabled()).isTrue();
        assertThat(get("/swagger-ui.html").status()).isIn(200, 302);
    }

    @Test
    void uiOpenapiJsonIsTheServersDocument() throws Exception {
        String current = PRETTY.writeValueAsString(PRETTY.treeToValue(document(), Map.class)) + "\n";
        if (Boolean.getBoolean(UPDATE)) {
            Files.writeString(SNAPSHOT, current, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(SNAPSHOT)).as(SNAPSHOT.toAbsolutePath() + " is missing; " + HOW_TO_UPDATE).isTrue();
        assertThat(Files.readString(SNAPSHOT, StandardCharsets.UTF_8))
                .as("ui/openapi.json is not the server's OpenAPI document; " + HOW_TO_UPDATE)
                .isEqualTo(current);
    }

    private static final String HOW_TO_UPDATE = "regenerate it with ./mvnw -pl server -am verify -Dopenapi.update=true and commit it";
}
