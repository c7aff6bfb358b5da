package dev.benchdeck.driver.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchdeck.driver.ingest.config.IngestPlanReader;
import java.util.TreeSet;
import dev.benchdeck.engine.testkit.PlanSchema;
import org.junit.jupiter.api.Test;

/** The plan schema's ingest sections list exactly the fields this driver reads. */
class IngestSchemaTest {

    @Test
    void schemaDescribesTheFieldsTheDriverReads() throws Exception {
        JsonNode schema = PlanSchema.load();
        JsonNode target = schema.at("/$defs/ingestTarget");
        assertThat(PlanSchema.properties(target)).isEqualTo(new TreeSet<>(IngestPlanReader.TARGET_FIELDS));
        assertThat(PlanSchema.properties(target.at("/properties/http"))).isEqualTo(new TreeSet<>(IngestPlanReader.HTTP_FIELDS));
        assertThat(PlanSchema.properties(target.at("/properties/redis"))).isEqualTo(new TreeSet<>(IngestPlanReader.REDIS_FIELDS));
        assertThat(PlanSchema.properties(target.at("/properties/kafka"))).isEqualTo(new TreeSet<>(IngestPlanReader.KAFKA_FIELDS));
        assertThat(PlanSchema.properties(target.at("/properties/sink"))).isEqualTo(new TreeSet<>(IngestPlanReader.SINK_FIELDS));
        assertThat(PlanSchema.properties(schema.at("/$defs/ingestWorkload"))).isEqualTo(new TreeSet<>(IngestPlanReader.WORKLOAD_FIELDS));
        for (String def : new String[] {"ingestTarget", "ingestWorkload"}) {
            assertThat(schema.at("/$defs/" + def + "/additionalProperties").asBoolean(true)).as(def).isFalse();
        }
        assertThat(schema.at("/properties/target/anyOf").toString()).contains("#/$defs/ingestTarget");
        assertThat(schema.at("/properties/workload/anyOf").toString()).contains("#/$defs/ingestWorkload");
    }
}
