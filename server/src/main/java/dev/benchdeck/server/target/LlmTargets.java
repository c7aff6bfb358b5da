package dev.benchdeck.server.target;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.benchdeck.engine.plan.Problem;
import dev.benchdeck.server.system.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The layout of {@code llm} and {@code automation} targets. Their {@code options} hold the llm
 * driver's target fields ({@code provider}, {@code connect_timeout}, {@code insecure}) beside fields
 * of their own: an llm target's default {@code model}; an automation's {@code automation_id},
 * {@code api} (automation-sync, automation-async or automation-sse), {@code description} and default
 * {@code inputs}. The API key lives encrypted beside them and reaches the plan only at run time.
 */
final class LlmTargets {

    static final Set<String> LLM_OWN_FIELDS = Set.of("model");
    static final Set<String> AUTOMATION_OWN_FIELDS = Set.of("automation_id", "api", "description", "inputs");
    static final List<String> AUTOMATION_APIS = List.of("automation-sync", "automation-async", "automation-sse");
    static final String DEFAULT_LLM_PROVIDER = "openai-compatible";
    /** Automations authenticate with a bearer token, as the driver's {@code custom} provider does. */
    static final String AUTOMATION_PROVIDER = "custom";
    private static final Pattern AUTOMATION_ID = Pattern.compile("[A-Za-z0-9._~-]{1,200}");

    private LlmTargets() {
    }

    /** Problems with the fields the driver does not read, at their paths in the request. */
    static List<Problem> ownFieldProblems(String kind, Map<String, Object> options) {
        List<Problem> problems = new ArrayList<>();
        JsonNode node = Json.mapper().valueToTree(options);
        for (String secret : List.of("api_key")) {
            if (node.has(secret)) {
                problems.add(new Problem("options." + secret, "is a secret: send it as credentials.api_key"));
            }
        }
        if (TargetKinds.LLM.equals(kind)) {
            JsonNode model = node.get("model");
            if (model != null && !(model.isTextual() && !model.asText().isBlank() && model.asText().length() <= 200)) {
                problems.add(new Problem("options.model", "must be a model name (text, at most 200 characters)"));
            }
            return problems;
        }
        JsonNode id = node.get("automation_id");
        if (id == null || id.isNull() || (id.isTextual() && id.asText().isBlank())) {
            problems.add(new Problem("options.automation_id", "must not be blank"));
        } else if (!id.isTextual() || !AUTOMATION_ID.matcher(id.asText()).matches()) {
            problems.add(new Problem("options.automation_id", "must be 1-200 letters, digits, '.', '_', '~' or '-'"));
        }
        JsonNode api = node.get("api");
        if (api != null && !(api.isTextual() && AUTOMATION_APIS.contains(api.asText()))) {
            problems.add(new Problem("options.api", "must be one of " + String.join(", ", AUTOMATION_APIS)));
        }
        JsonNode description = node.get("description");
        if (description != null && !(description.isTextual() && description.asText().length() <= 2000)) {
            problems.add(new Problem("options.description", "must be text of at most 2000 characters"));
        }
        JsonNode inputs = node.get("inputs");
        if (inputs != null && !inputs.isObject()) {
            problems.add(new Problem("options.inputs", "must be a JSON object"));
        }
        return problems;
    }

    /** The plan's {@code target} section: the URL and the driver's fields of the options, without secrets. */
    static ObjectNode planTarget(String kind, String url, Map<String, Object> options) {
        ObjectNode node = Json.mapper().valueToTree(options);
        node.remove(TargetKinds.LLM.equals(kind) ? LLM_OWN_FIELDS : AUTOMATION_OWN_FIELDS);
        ObjectNode target = Json.mapper().createObjectNode();
        target.put("url", url);
        if (!node.has("provider")) {
            target.put("provider", TargetKinds.LLM.equals(kind) ? DEFAULT_LLM_PROVIDER : AUTOMATION_PROVIDER);
        }
        target.setAll(node);
        return target;
    }

    /** An llm target's default model, if it names one. */
    static Optional<String> defaultModel(String kind, Map<String, Object> options) {
        return TargetKinds.LLM.equals(kind) && options != null && options.get("model") instanceof String model && !model.isBlank()
                ? Optional.of(model) : Optional.empty();
    }

    /**
     * Fills what a scenario on this target leaves out of an {@code llm} workload: an llm target's
     * default {@code model}; an automation's {@code api}, {@code path} (the mock's and the usual
     * layout: {@code /automations/<id>/run}, {@code /runs} for async with status polling at
     * {@code /automations/runs/${run_id}}, {@code /stream} for SSE) and {@code body}
     * ({@code {"inputs": <default inputs>}}). Workloads of other drivers are left alone.
     */
    static void fillWorkloadDefaults(String kind, Map<String, Object> options, ObjectNode plan) {
        if (!(plan.get("workload") instanceof ObjectNode workload) || !"llm".equals(workload.path("driver").asText())) {
            return;
        }
        JsonNode node = Json.mapper().valueToTree(options);
        if (TargetKinds.LLM.equals(kind)) {
            if (!workload.has("model")) {
                defaultModel(kind, options).ifPresent(model -> workload.put("model", model));
            }
            return;
        }
        if (!TargetKinds.AUTOMATION.equals(kind)) {
            return;
        }
        if (!workload.has("api")) {
            workload.put("api", node.path("api").asText(AUTOMATION_APIS.get(0)));
        }
        String api = workload.path("api").asText();
        String id = node.path("automation_id").asText();
        if (!workload.has("path")) {
            String suffix = switch (api) {
                case "automation-async" -> "/runs";
                case "automation-sse" -> "/stream";
                default -> "/run";
            };
            workload.put("path", "/automations/" + id + suffix);
        }
        if ("automation-async".equals(api) && !workload.has("automation")) {
            workload.putObject("automation").put("status_path", "/automations/runs/${run_id}");
        }
        if (!workload.has("body") && AUTOMATION_APIS.contains(api)) {
            ObjectNode body = Json.mapper().createObjectNode();
            body.set("inputs", node.path("inputs").isObject() ? node.get("inputs") : Json.mapper().createObjectNode());
            workload.put("body", body.toString());
        }
    }
}
