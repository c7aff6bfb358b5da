package dev.benchdeck.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The published JSON Schema must describe exactly the fields the reader accepts. */
class PlanSchemaTest {

    static JsonNode schema() throws Exception {
        try (InputStream in = PlanSchemaTest.class.getResourceAsStream("benchdeck-plan.schema.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    static Set<String> properties(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.get("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void describesTheFieldsThePlanReaderAccepts() throws Exception {
        JsonNode schema = schema();
        assertThat(properties(schema)).isEqualTo(new TreeSet<>(PlanReader.PLAN_FIELDS));
        assertThat(properties(schema.at("/$defs/load"))).isEqualTo(new TreeSet<>(PlanReader.LOAD_FIELDS));
        assertThat(properties(schema.at("/$defs/closedStep"))).isEqualTo(new TreeSet<>(PlanReader.CLOSED_STEP_FIELDS));
        assertThat(properties(schema.at("/$defs/openStep"))).isEqualTo(new TreeSet<>(PlanReader.OPEN_STEP_FIELDS));
        assertThat(schema.at("/properties/load/$ref").asText()).isEqualTo("#/$defs/load");
    }

    @Test
    void forbidsUnknownFieldsLikeTheReader() throws Exception {
        JsonNode schema = schema();
        for (String def : new String[] {"load", "closedStep", "openStep", "httpTarget", "httpWorkload", "jdbcTarget", "jdbcWorkload"}) {
            assertThat(schema.at("/$defs/" + def + "/additionalProperties").asBoolean(true)).as(def).isFalse();
        }
        assertThat(schema.get("additionalProperties").asBoolean(true)).isFalse();
    }
}
