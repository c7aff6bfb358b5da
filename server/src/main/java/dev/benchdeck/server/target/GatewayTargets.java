package dev.benchdeck.server.target;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.benchdeck.engine.plan.Problem;
import dev.benchdeck.server.system.Json;
import java.util.List;
import java.util.Map;

/**
 * What is particular to a {@code gateway} target: its plan section is its URL alone (the llm driver's
 * api gateway); its one secret, the admin token, is for the server's calls to the admin API and never
 * goes into a plan.
 */
public final class GatewayTargets {

    static final String ADMIN_TOKEN = "admin_token";

    private GatewayTargets() {
    }

    static ObjectNode planTarget(String url) {
        return Json.mapper().createObjectNode().put("url", url);
    }

    static TargetSecrets secrets(String adminToken) {
        return new TargetSecrets(Map.of(), null, null, null, null, adminToken);
    }

    static List<Problem> optionProblems(Map<String, Object> options) {
        return options.keySet().stream().sorted()
                .map(key -> new Problem("options." + key, "a gateway target has no options but metrics; give url and credentials.admin_token"))
                .toList();
    }

    /** The target's settings with its admin token (a gateway's or an ingestor's), for its driver's check and telemetry. */
    static ObjectNode withAdminToken(ObjectNode planTarget, TargetSecrets secrets) {
        ObjectNode out = planTarget.deepCopy();
        if (secrets.adminToken() != null) {
            out.put(ADMIN_TOKEN, secrets.adminToken());
        }
        return out;
    }
}
