package dev.benchdeck.driver.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.benchdeck.driver.ingest.config.IngestPlanReader;
import java.io.InputStream;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The plan schema's ingest sections list exactly the fields this driver reads. */
class IngestSchemaTest {

    private static JsonNode schema() throws Exception {
        try (InputStream in = IngestSchemaTest.class.getResourceAsStream("/dev/benchdeck/engine/plan/benchdeck-plan.schema.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    private static Set<String> properties(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.get("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void schemaDescribesTheFieldsTheDriverReads() throws Exception {
        JsonNode schema = schema();
        JsonNode target = schema.at("/$defs/ingestTarget");
        assertThat(properties(target)).isEqualTo(new TreeSet<>(IngestPlanReader.TARGET_FIELDS));
        assertThat(properties(target.at("/properties/http"))).isEqualTo(new TreeSet<>(IngestPlanReader.HTTP_FIELDS));
        assertThat(properties(target.at("/properties/redis"))).isEqualTo(new TreeSet<>(IngestPlanReader.REDIS_FIELDS));
        assertThat(properties(target.at("/properties/sink"))).isEqualTo(new TreeSet<>(IngestPlanReader.SINK_FIELDS));
        assertThat(properties(schema.at("/$defs/ingestWorkload"))).isEqualTo(new TreeSet<>(IngestPlanReader.WORKLOAD_FIELDS));
        for (String def : new String[] {"ingestTarget", "ingestWorkload"}) {
            assertThat(schema.at("/$defs/" + def + "/additionalProperties").asBoolean(true)).as(def).isFalse();
        }
        assertThat(schema.at("/properties/target/anyOf").toString()).contains("#/$defs/ingestTarget");
        assertThat(schema.at("/properties/workload/anyOf").toString()).contains("#/$defs/ingestWorkload");
    }
}
