package dev.benchdeck.server.target;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.benchdeck.engine.plan.Problem;
import dev.benchdeck.server.system.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What is particular to an {@code ingestor} target: its URL is the ingestor's base ({@code POST <url>/messages} is
 * the ingest driver's HTTP entry); {@code options.sink} is the PostgreSQL table it writes to (the driver's
 * {@code target.sink} without the password). Its secrets: the sink's {@code password} (into the plan at run time)
 * and an optional {@code admin_token}, only for the server's calls to /stats, /messages and /simulate.
 */
public final class IngestorTargets {

    static final String SINK = "sink";
    static final String MESSAGES_PATH = "/messages";
    /** The sink fields a target may store; the password is a credential, and an environment variable is not the server's to read. */
    static final Set<String> SINK_FIELDS = Set.of("url", "user", "table", "id_column", "timestamp_column");

    private IngestorTargets() {
    }

    /** The ingest driver's target: the HTTP entry at the ingestor's /messages and the sink. */
    static ObjectNode planTarget(String url, Map<String, Object> options) {
        ObjectNode target = Json.mapper().createObjectNode();
        String base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        target.putObject("http").put("url", base + MESSAGES_PATH).put("format", "json");
        JsonNode sink = Json.mapper().valueToTree(options == null ? Map.of() : options).get(SINK);
        if (sink != null) {
            target.set(SINK, sink.deepCopy());
        }
        return target;
    }

    static TargetSecrets secrets(String sinkPassword, String adminToken) {
        return new TargetSecrets(Map.of(), sinkPassword, null, null, null, adminToken);
    }

    /** Options other than {@code sink}, a missing sink, and sink fields a target may not hold. */
    static List<Problem> optionProblems(Map<String, Object> options) {
        List<Problem> problems = new ArrayList<>();
        Map<String, Object> given = options == null ? Map.of() : options;
        given.keySet().stream().filter(key -> !SINK.equals(key)).sorted()
                .forEach(key -> problems.add(new Problem("options." + key, "an ingestor target takes options.sink (and metrics) only")));
        Object sink = given.get(SINK);
        if (!(sink instanceof Map<?, ?> fields)) {
            problems.add(new Problem("options.sink", "is required: the PostgreSQL table the ingestor writes to "
                    + "({url: jdbc:postgresql://host:port/db, user, table})"));
            return problems;
        }
        fields.keySet().stream().map(String::valueOf).filter(key -> !SINK_FIELDS.contains(key)).sorted()
                .forEach(key -> problems.add(new Problem("options.sink." + key, key.startsWith("password")
                        ? "the sink's password is a credential: give it as credentials.password"
                        : "unknown field; the sink takes " + String.join(", ", SINK_FIELDS.stream().sorted().toList()))));
        return problems;
    }
}
