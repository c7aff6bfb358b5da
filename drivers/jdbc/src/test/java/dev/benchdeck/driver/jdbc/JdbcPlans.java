package dev.benchdeck.driver.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.benchdeck.embeddedpg.EmbeddedPostgres;
import dev.benchdeck.engine.driver.Driver;
import dev.benchdeck.engine.driver.DriverException;
import dev.benchdeck.engine.driver.DriverSpec;
import dev.benchdeck.engine.driver.RequestContext;
import dev.benchdeck.engine.plan.ConfigNode;
import dev.benchdeck.engine.plan.Problem;
import dev.benchdeck.engine.plan.Problems;
import dev.benchdeck.engine.time.EngineClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Test plans for the jdbc driver: YAML sections in, a spec and its problems out. */
public final class JdbcPlans {

    private static final YAMLMapper YAML = new YAMLMapper();

    /** What parsing a target and a workload gave. */
    public record Parsed(DriverSpec spec, List<Problem> problems) {

        public List<String> paths() {
            return problems.stream().map(Problem::path).toList();
        }

        public JdbcSpec jdbc() {
            if (!problems.isEmpty()) {
                throw new AssertionError("unexpected problems: " + problems);
            }
            return (JdbcSpec) spec;
        }

        /** Opens the spec, failing the test when parsing reported problems. */
        public Driver open() throws DriverException {
            return jdbc().open(EngineClock.system());
        }
    }

    private JdbcPlans() {
    }

    public static Parsed parse(String targetYaml, String workloadYaml) {
        Problems problems = new Problems();
        DriverSpec spec = new JdbcDriverFactory().parse(
                new ConfigNode(tree(targetYaml), "target", problems),
                new ConfigNode(tree(workloadYaml), "workload", problems));
        return new Parsed(spec, problems.list());
    }

    /** The test database's superuser as a YAML target, plus {@code extra} fields ("" for none). */
    public static String target(String extra) {
        EmbeddedPostgres pg = TestDatabase.postgres();
        return "{host: 127.0.0.1, port: " + pg.port() + ", database: postgres, user: " + pg.user() + ", password: '"
                + pg.password() + "', sslmode: disable" + (extra.isEmpty() ? "" : ", " + extra) + "}";
    }

    /** A workload on the test database, small table by default. */
    public static Parsed workload(String workloadYaml) {
        return parse(target(""), workloadYaml);
    }

    public static RequestContext request(long sequence) {
        return new RequestContext(sequence, 0, 10_000_000_000L);
    }

    private static JsonNode tree(String yaml) {
        try {
            return yaml == null ? null : YAML.readTree(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
