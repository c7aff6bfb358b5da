package dev.benchdeck.server.target;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchdeck.server.system.Json;
import java.util.Map;

/**
 * Where a target's secrets go: the URL of an http, llm or automation target; a postgres target's host,
 * port and database, and the Lakebase workspace its tokens are sent to. When it changes, stored
 * secrets are dropped unless given again (else a PUT could redirect them to a server of one's choosing).
 */
record TargetDestination(String kind, String where) {

    static TargetDestination of(String kind, String url, Map<String, Object> options) {
        if (TargetKinds.INGESTOR.equals(kind)) {
            // the sink's password goes to the sink's database, the admin token to the ingestor
            JsonNode sink = Json.mapper().valueToTree(options == null ? Map.of() : options).path("sink");
            return new TargetDestination(kind, (url == null ? "" : url.strip()) + "|" + sink.path("url").asText("").strip());
        }
        if (!TargetKinds.POSTGRES.equals(kind)) {
            return new TargetDestination(kind, url == null ? "" : url.strip());
        }
        JsonNode node = Json.mapper().valueToTree(options == null ? Map.of() : options);
        String port = node.path("port").isMissingNode() || node.path("port").isNull() ? "5432" : node.path("port").asText();
        return new TargetDestination(kind, node.path("host").asText("").strip() + "|" + port + "|"
                + node.path("database").asText("") + "|" + node.path("lakebase").path("workspace_url").asText("").strip());
    }
}
