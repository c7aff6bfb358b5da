package dev.benchdeck.mockllm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** GET/PUT /mock/config (a PUT changes only the fields it names) and GET /mock/stats. */
final class ControlEndpoints {

    private final Supplier<MockLlmConfig> config;
    private final Consumer<MockLlmConfig> update;
    private final MockStats stats;

    ControlEndpoints(Supplier<MockLlmConfig> config, Consumer<MockLlmConfig> update, MockStats stats) {
        this.config = config;
        this.update = update;
        this.stats = stats;
    }

    Endpoint getConfig() {
        return (exchange, startNanos) -> {
            Replies.json(exchange, 200, config.get());
            return Outcome.CONTROL;
        };
    }

    Endpoint putConfig() {
        return (exchange, startNanos) -> {
            MockLlmConfig changed = merge(config.get(), Json.readObject(Replies.body(exchange)));
            update.accept(changed);
            Replies.json(exchange, 200, changed);
            return Outcome.CONTROL;
        };
    }

    Endpoint getStats() {
        return (exchange, startNanos) -> {
            Replies.json(exchange, 200, stats.snapshot());
            return Outcome.CONTROL;
        };
    }

    /** The current config with the given fields replaced; unknown fields and invalid values are a bad request. */
    static MockLlmConfig merge(MockLlmConfig current, ObjectNode changes) {
        ObjectNode merged = Json.MAPPER.valueToTree(current);
        overlay(merged, changes, "");
        try {
            return Json.MAPPER.treeToValue(merged, MockLlmConfig.class);
        } catch (JsonProcessingException e) {
            Throwable cause = e.getCause();
            throw RefusedRequest.badRequest(cause instanceof IllegalArgumentException invalid ? invalid.getMessage() : e.getOriginalMessage());
        }
    }

    private static void overlay(ObjectNode target, ObjectNode changes, String path) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = changes.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = path + field.getKey();
            JsonNode existing = target.get(field.getKey());
            if (existing == null) {
                throw RefusedRequest.badRequest("unknown config field '" + name + "'");
            }
            if (existing.isObject()) {
                if (!field.getValue().isObject()) {
                    throw RefusedRequest.badRequest(name + " must be an object");
                }
                overlay((ObjectNode) existing, (ObjectNode) field.getValue(), name + ".");
            } else if (!field.getValue().isNumber()) {
                throw RefusedRequest.badRequest(name + " must be a number, got " + field.getValue());
            } else {
                target.set(field.getKey(), field.getValue());
            }
        }
    }
}
