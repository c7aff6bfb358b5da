package dev.benchdeck.server.target;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.benchdeck.engine.plan.Problem;
import dev.benchdeck.server.system.Json;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The layout of a postgres target: its {@code options} are the jdbc plan's {@code target} section
 * without secrets (host, port, database, user, sslmode, connect_timeout, pool, lakebase…); the
 * secrets live encrypted beside them and are put back only for a run or a check.
 */
final class PostgresTargets {

    private PostgresTargets() {
    }

    /** Secrets typed into options instead of credentials: reported, never stored in clear. */
    static List<Problem> secretsInOptions(Map<String, Object> options) {
        List<Problem> problems = new ArrayList<>();
        JsonNode node = Json.mapper().valueToTree(options);
        if (node.has("password")) {
            problems.add(new Problem("options.password", "is a secret: send it as credentials.password"));
        }
        JsonNode lakebase = node.path("lakebase");
        for (String secret : List.of("token", "client_secret")) {
            if (lakebase.has(secret)) {
                problems.add(new Problem("options.lakebase." + secret, "is a secret: send it as credentials.lakebase." + secret));
            }
        }
        return problems;
    }

    /** {@code postgresql://user@host:port/database}, for lists and run records (no secret in it). */
    static String displayUrl(Map<String, Object> options) {
        JsonNode node = Json.mapper().valueToTree(options);
        String user = node.path("user").asText("");
        String host = node.path("host").asText("");
        if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        String port = node.path("port").isMissingNode() ? "5432" : node.path("port").asText();
        return "postgresql://" + (user.isEmpty() ? "" : encode(user) + "@") + host + ":" + port + "/"
                + encode(node.path("database").asText(""));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
