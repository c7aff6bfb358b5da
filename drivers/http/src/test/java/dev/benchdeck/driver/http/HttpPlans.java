package dev.benchdeck.driver.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
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
import java.time.Duration;
import java.util.List;

/** Test plans for the http driver: YAML sections in, a spec and its problems out. */
public final class HttpPlans {

    private static final YAMLMapper YAML = new YAMLMapper();

    /** What parsing a target and a workload gave. */
    public record Parsed(DriverSpec spec, List<Problem> problems) {

        List<String> paths() {
            return problems.stream().map(Problem::path).toList();
        }

        /** Opens the spec, failing the test when parsing reported problems. */
        Driver open() throws DriverException {
            if (!problems.isEmpty()) {
                throw new AssertionError("unexpected problems: " + problems);
            }
            return spec.open(EngineClock.system());
        }
    }

    private HttpPlans() {
    }

    public static Parsed parse(String targetYaml, String workloadYaml) {
        Problems problems = new Problems();
        DriverSpec spec = new HttpDriverFactory().parse(
                new ConfigNode(tree(targetYaml), "target", problems),
                new ConfigNode(tree(workloadYaml), "workload", problems));
        return new Parsed(spec, problems.list());
    }

    /** A GET of {@code path} on the server with default settings. */
    public static Parsed get(ScriptedServer server, String path) {
        return parse("url: " + server.url(), "path: " + path);
    }

    public static RequestContext request(long sequence, Duration timeout) {
        return new RequestContext(sequence, 7, timeout.toNanos());
    }

    public static RequestContext request(long sequence) {
        return request(sequence, Duration.ofSeconds(2));
    }

    private static JsonNode tree(String yaml) {
        try {
            return yaml == null ? null : YAML.readTree(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
