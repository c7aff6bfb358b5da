package dev.benchdeck.driver.http.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.benchdeck.driver.http.HttpDriverFactory;
import dev.benchdeck.engine.driver.Drivers;
import dev.benchdeck.engine.plan.Plan;
import dev.benchdeck.engine.plan.PlanReader;
import dev.benchdeck.engine.plan.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenApiImportTest {

    private static String fixture() throws IOException {
        try (InputStream in = OpenApiImportTest.class.getResourceAsStream("/openapi/shop.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void eachOperationBecomesAStepWithValuesFromTheDocumentAndDeletesLast() throws Exception {
        String yaml = OpenApiImport.toPlan(fixture(), "shop", OpenApiImport.Options.DEFAULT);
        JsonNode plan = new YAMLMapper().readTree(yaml);
        JsonNode journey = plan.at("/workload/journey");

        assertThat(plan.at("/target/url").asText()).isEqualTo("https://eu.shop.example.com/api");
        assertThat(journey.findValuesAsText("name"))
                .containsExactly("listProducts", "get /products/{productId}", "addToCart", "post /orders", "deleteProduct");
        // a required query parameter at its minimum; the optional one left out
        assertThat(journey.get(0).get("path").asText()).isEqualTo("/products?limit=5");
        assertThat(journey.get(0).get("expect_status").asInt()).isEqualTo(200);
        // the path item's $ref'd parameter with its example
        assertThat(journey.get(1).get("path").asText()).isEqualTo("/products/42");
        JsonNode cart = journey.get(2);
        assertThat(cart.get("method").asText()).isEqualTo("POST");
        assertThat(cart.at("/headers/X-Request-Id").asText()).isEqualTo("00000000-0000-4000-8000-000000000001");
        assertThat(cart.at("/headers/Content-Type").asText()).isEqualTo("application/json");
        assertThat(new YAMLMapper().readTree(cart.get("body").asText()))
                .isEqualTo(new YAMLMapper().readTree("{product: 1, quantity: 2, colour: red, tags: [example]}"));
        assertThat(cart.get("expect_status").asInt()).isEqualTo(201);
        assertThat(journey.get(3).get("body").asText()).isEqualTo("{\"product\":7,\"note\":\"gift wrap\"}");
        assertThat(journey.get(3).get("expect_status").asInt()).isEqualTo(202);
        assertThat(journey.get(4).get("method").asText()).isEqualTo("DELETE");
        assertThat(journey.get(4).get("path").asText()).isEqualTo("/products/42");
        assertThat(yaml).startsWith("# Imported by `benchdeck import openapi`").contains("it includes 3 writes");

        PlanReader reader = new PlanReader(Drivers.of(new HttpDriverFactory()));
        Plan parsed = reader.read(yaml, List.of());
        assertThat(reader.driverSpec(parsed).journey().steps()).contains("listProducts", "deleteProduct");
    }

    @Test
    void readOnlyKeepsTheReadsAndABaseUrlReplacesTheServer() throws Exception {
        JsonNode plan = new YAMLMapper().readTree(OpenApiImport.toPlan(fixture(), "shop",
                new OpenApiImport.Options("http://127.0.0.1:9000/", true)));
        assertThat(plan.at("/target/url").asText()).isEqualTo("http://127.0.0.1:9000");
        assertThat(plan.at("/workload/journey").findValuesAsText("method")).containsOnly("GET");
    }

    @Test
    void aDocumentWithoutAnAbsoluteServerGetsALocalTargetAndSaysSo() throws Exception {
        String yaml = OpenApiImport.toPlan("""
                {"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "servers": [{"url": "/v1"}],
                 "paths": {"/ping": {"get": {"responses": {"204": {"description": "ok"}}}}}}""", "ping", OpenApiImport.Options.DEFAULT);
        assertThat(new YAMLMapper().readTree(yaml).at("/target/url").asText()).isEqualTo("http://127.0.0.1:8080/v1");
        assertThat(yaml).contains("# The document's server is relative (/v1)").contains("Review before running it against a real system.\n");
    }

    @Test
    void whatIsNotAnOpenApi3DocumentIsRefusedWithItsPath() {
        assertProblem("swagger: '2.0'\npaths: {}\n", "swagger", "Swagger 2.0 is not supported: convert it to OpenAPI 3");
        assertProblem("name: a plan\n", "openapi", "is required");
        assertProblem("openapi: 4.0.0\npaths: {/x: {get: {}}}\n", "openapi", "must be 3.0.x or 3.1.x, not 4.0.0");
        assertProblem("openapi: 3.0.0\ninfo: {title: t}\n", "paths", "no paths");
        assertProblem("openapi: 3.0.0\npaths: {/x: {trace: {}}}\n", "paths", "no operation");
        assertProblem("openapi: 3.0.0\npaths: {x: {get: {}}}\n", "paths.x", "must start with /");
        assertProblem("{not: [valid", "", "neither YAML nor JSON");
        assertProblem("- a list\n", "", "expected a map");
    }

    private static void assertProblem(String document, String path, String message) {
        assertThatThrownBy(() -> OpenApiImport.toPlan(document, "x", OpenApiImport.Options.DEFAULT))
                .isInstanceOfSatisfying(InvalidOpenApiException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> {
                            assertThat(p.path()).isEqualTo(path);
                            assertThat(p.message()).contains(message);
                        }));
    }

    @Test
    void aBaseUrlThatIsNotAbsoluteIsRefused() {
        assertThatThrownBy(() -> OpenApiImport.toPlan("openapi: 3.0.0\npaths: {/x: {get: {}}}\n", "x",
                new OpenApiImport.Options("localhost:8080", false)))
                .isInstanceOfSatisfying(InvalidOpenApiException.class, e -> assertThat(e.problems()).extracting(Problem::path)
                        .containsExactly("--base-url"));
    }
}
