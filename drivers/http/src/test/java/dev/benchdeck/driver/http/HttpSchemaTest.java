package dev.benchdeck.driver.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The plan schema's HTTP sections must list exactly the fields this driver reads. */
class HttpSchemaTest {

    private static Set<String> properties(JsonNode schema, String def) {
        Set<String> names = new TreeSet<>();
        schema.at("/$defs/" + def + "/properties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void schemaDescribesTheFieldsTheDriverReads() throws Exception {
        JsonNode schema;
        try (InputStream in = getClass().getResourceAsStream("/dev/benchdeck/engine/plan/benchdeck-plan.schema.json")) {
            schema = new ObjectMapper().readTree(in);
        }
        assertThat(properties(schema, "httpTarget")).isEqualTo(new TreeSet<>(TargetReader.FIELDS));
        assertThat(properties(schema, "httpWorkload")).isEqualTo(new TreeSet<>(WorkloadReader.FIELDS));
    }
}
