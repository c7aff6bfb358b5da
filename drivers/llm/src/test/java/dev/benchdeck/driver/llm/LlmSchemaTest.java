package dev.benchdeck.driver.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The plan schema's llm sections must list exactly the fields and choices the llm driver reads. */
class LlmSchemaTest {

    private static JsonNode schema() throws Exception {
        try (InputStream in = LlmSchemaTest.class.getResourceAsStream("/dev/benchdeck/engine/plan/benchdeck-plan.schema.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    private static Set<String> properties(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.get("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> out = new TreeSet<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void schemaDescribesTheFieldsAndChoicesTheDriverReads() throws Exception {
        JsonNode schema = schema();
        assertThat(properties(schema.at("/$defs/llmTarget"))).isEqualTo(new TreeSet<>(LlmReader.TARGET_FIELDS));
        JsonNode workload = schema.at("/$defs/llmWorkload");
        assertThat(properties(workload)).isEqualTo(new TreeSet<>(LlmReader.WORKLOAD_FIELDS));
        assertThat(properties(workload.at("/properties/slo"))).isEqualTo(new TreeSet<>(LlmReader.SLO_FIELDS));
        assertThat(properties(workload.at("/properties/automation"))).isEqualTo(new TreeSet<>(LlmReader.AUTOMATION_FIELDS));
        assertThat(properties(workload.at("/properties/prompt_words"))).isEqualTo(new TreeSet<>(LlmReader.PROMPT_WORDS_FIELDS));
        assertThat(texts(workload.at("/properties/api/enum"))).isEqualTo(new TreeSet<>(LlmApi.planNames()));
        assertThat(texts(schema.at("/$defs/llmTarget/properties/provider/enum"))).isEqualTo(new TreeSet<>(LlmReader.PROVIDERS));
        List<String> refs = new ArrayList<>();
        schema.at("/properties/workload/anyOf").forEach(n -> refs.add(n.get("$ref").asText()));
        assertThat(refs).contains("#/$defs/llmWorkload");
    }
}
