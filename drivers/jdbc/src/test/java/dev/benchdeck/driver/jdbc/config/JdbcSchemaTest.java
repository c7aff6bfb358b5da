package dev.benchdeck.driver.jdbc.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import dev.benchdeck.engine.testkit.PlanSchema;
import org.junit.jupiter.api.Test;

/** The plan schema's jdbc sections must list exactly the fields this driver reads. */
class JdbcSchemaTest {

    @Test
    void schemaDescribesTheFieldsTheDriverReads() throws Exception {
        JsonNode schema = PlanSchema.load();
        JsonNode target = schema.at("/$defs/jdbcTarget");
        assertThat(PlanSchema.properties(target)).isEqualTo(new TreeSet<>(TargetReader.FIELDS));
        assertThat(PlanSchema.properties(target.at("/properties/pool"))).isEqualTo(new TreeSet<>(TargetReader.POOL_FIELDS));
        assertThat(PlanSchema.properties(target.at("/properties/lakebase"))).isEqualTo(new TreeSet<>(TargetReader.LAKEBASE_FIELDS));
        assertThat(PlanSchema.properties(schema.at("/$defs/jdbcWorkload"))).isEqualTo(new TreeSet<>(WorkloadReader.FIELDS));
    }

    @Test
    void schemaListsTheSameChoicesAsTheReader() throws Exception {
        JsonNode schema = PlanSchema.load();
        assertThat(texts(schema.at("/$defs/jdbcOperation/enum"))).isEqualTo(OperationKind.planTexts());
        assertThat(texts(schema.at("/$defs/jdbcWorkload/properties/setup/enum"))).isEqualTo(SetupMode.planTexts());
        assertThat(texts(schema.at("/$defs/jdbcTarget/properties/sslmode/enum"))).isEqualTo(TargetReader.SSL_MODES);
        Set<String> generators = new TreeSet<>();
        schema.at("/$defs/jdbcParam/oneOf").forEach(alternative -> generators.add(alternative.at("/required/0").asText()));
        assertThat(generators).isEqualTo(new TreeSet<>(WorkloadReader.PARAM_GENERATORS));
        assertThat(schema.at("/$defs/jdbcWorkload/properties/table/pattern").asText())
                .isEqualTo("^" + WorkloadReader.IDENTIFIER.pattern() + "$");
    }

    @Test
    void planTargetAndWorkloadAcceptEitherDriver() throws Exception {
        JsonNode schema = PlanSchema.load();
        assertThat(texts(schema.at("/properties/target/anyOf"), "$ref")).contains("#/$defs/httpTarget", "#/$defs/jdbcTarget");
        assertThat(texts(schema.at("/properties/workload/anyOf"), "$ref")).contains("#/$defs/httpWorkload", "#/$defs/jdbcWorkload");
        for (String def : List.of("jdbcTarget", "jdbcWorkload")) {
            assertThat(schema.at("/$defs/" + def + "/additionalProperties").asBoolean(true)).as(def).isFalse();
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.get(field).asText()));
        return texts;
    }
}
