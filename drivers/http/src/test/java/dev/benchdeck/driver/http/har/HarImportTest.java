package dev.benchdeck.driver.http.har;

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

class HarImportTest {

    private static String fixture() throws IOException {
        try (InputStream in = HarImportTest.class.getResourceAsStream("/har/shop.har")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aRecordingBecomesAJourneyWithItsReusedValuesExtracted() throws Exception {
        String yaml = HarImport.toPlan(fixture(), "shop", HarImport.Options.DEFAULT);
        JsonNode plan = new YAMLMapper().readTree(yaml);
        JsonNode journey = plan.at("/workload/journey");

        assertThat(plan.at("/target/url").asText()).isEqualTo("https://shop.example.com");
        // the script and the other origin's image are dropped; the 2 s and 1.3 s pauses become think times
        assertThat(journey.findValuesAsText("name")).containsExactly("get /", "post /api/login", "token", "get /api/cart",
                "cart_id", "post /api/cart/cart-7f3a9b21/items");
        assertThat(journey.get(1).get("think").asText()).isEqualTo("2060ms");
        assertThat(journey.get(4).get("think").asText()).isEqualTo("1270ms");
        JsonNode login = journey.get(2);
        assertThat(login.at("/extract/0/jsonpath").asText()).isEqualTo("$.token");
        assertThat(login.get("body").asText()).isEqualTo("{\"user\":\"ann\",\"password\":\"pw\"}");
        assertThat(login.has("headers") && login.get("headers").has("Cookie")).isFalse();
        JsonNode cart = journey.get(3);
        assertThat(cart.at("/headers/Authorization").asText()).isEqualTo("Bearer ${token}");
        assertThat(cart.at("/extract/0/header").asText()).isEqualTo("X-Cart-Id");
        JsonNode add = journey.get(5);
        assertThat(add.get("path").asText()).isEqualTo("/api/cart/${cart_id}/items");
        assertThat(add.get("expect_status").asInt()).isEqualTo(201);
        assertThat(yaml).startsWith("# Imported by `benchdeck import har`")
                .contains("#   ${token} from post /api/login $.token", "#   ${cart_id} from get /api/cart header X-Cart-Id");

        // the plan is valid as it is: every variable is extracted before it is used
        PlanReader reader = new PlanReader(Drivers.of(new HttpDriverFactory()));
        Plan parsed = reader.read(yaml, List.of());
        assertThat(reader.driverSpec(parsed).journey().steps()).contains("post /api/login");
    }

    @Test
    void staticAssetsCanBeKept() throws Exception {
        JsonNode plan = new YAMLMapper().readTree(HarImport.toPlan(fixture(), "shop", new HarImport.Options(true, 100_000)));
        assertThat(plan.at("/workload/journey").findValuesAsText("name")).contains("get /static/app.js")
                .doesNotContain("get /logo.png");
        assertThat(plan.at("/workload/journey").findValues("think")).isEmpty();
    }

    @Test
    void whatIsNotAHarIsRefusedWithItsPath() {
        assertThatThrownBy(() -> HarImport.toPlan("{\"name\": \"a plan\"}", "x", HarImport.Options.DEFAULT))
                .isInstanceOfSatisfying(InvalidHarException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> assertThat(p.message()).startsWith("not a HAR file")));
        assertThatThrownBy(() -> HarImport.toPlan("not json", "x", HarImport.Options.DEFAULT))
                .isInstanceOfSatisfying(InvalidHarException.class, e -> assertThat(e.getMessage()).contains("not valid JSON"));
        assertThatThrownBy(() -> HarImport.toPlan("""
                {"log": {"entries": [
                  {"startedDateTime": "2026-11-20T10:00:00Z", "request": {"method": "GET", "url": "/relative"}},
                  {"startedDateTime": "yesterday", "request": {"url": "https://a.example/"}}
                ]}}""", "x", HarImport.Options.DEFAULT))
                .isInstanceOfSatisfying(InvalidHarException.class, e -> assertThat(e.problems()).extracting(Problem::path)
                        .containsExactly("log.entries[0].request.url", "log.entries[1].request.method", "log.entries[1].startedDateTime"));
    }
}
