package dev.benchdeck.mockllm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The fields of an LLM request the mock uses. {@code maxTokens} is null when the request has none. */
record LlmRequest(String model, boolean stream, boolean includeUsage, Integer maxTokens, int promptTokens) {

    static String model(ObjectNode body) {
        JsonNode model = body.get("model");
        if (model == null || model.isNull()) {
            return "benchdeck-mock";
        }
        if (!model.isTextual()) {
            throw RefusedRequest.badRequest("model must be a string");
        }
        return model.asText();
    }

    static boolean flag(ObjectNode body, String name) {
        JsonNode flag = body.get(name);
        if (flag == null || flag.isNull()) {
            return false;
        }
        if (!flag.isBoolean()) {
            throw RefusedRequest.badRequest(name + " must be true or false");
        }
        return flag.asBoolean();
    }

    /** The first of the given fields that is present, as a whole number of at least 1; null when none is. */
    static Integer maxTokens(ObjectNode body, String... names) {
        for (String name : names) {
            JsonNode value = body.get(name);
            if (value != null && !value.isNull()) {
                if (!value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < 1) {
                    throw RefusedRequest.badRequest(name + " must be a whole number of at least 1, got " + value);
                }
                return value.asInt();
            }
        }
        return null;
    }

    /** The words of a content value: a string, or an array of parts carrying {@code text}. */
    static void appendText(JsonNode content, StringBuilder text) {
        if (content == null) {
            return;
        }
        if (content.isTextual()) {
            text.append(content.asText()).append(' ');
        } else if (content.isArray()) {
            for (JsonNode part : content) {
                appendText(part.isTextual() ? part : part.get("text"), text);
            }
        }
    }

    /** Message arrays (chat and Anthropic): the array must be there; counts the words of every message's content. */
    static void appendMessages(ObjectNode body, StringBuilder text) {
        JsonNode messages = body.get("messages");
        if (messages == null || !messages.isArray()) {
            throw RefusedRequest.badRequest("messages must be an array of messages");
        }
        for (JsonNode message : messages) {
            if (!message.isObject()) {
                throw RefusedRequest.badRequest("each message must be an object with role and content");
            }
            appendText(message.get("content"), text);
        }
    }
}
