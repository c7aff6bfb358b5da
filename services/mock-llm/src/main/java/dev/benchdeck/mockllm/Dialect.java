package dev.benchdeck.mockllm;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Whose error format an endpoint speaks. */
enum Dialect {
    /** {@code {"error": {"message", "type", "param", "code"}}}; also used by the automation and control APIs. */
    OPENAI,
    /** {@code {"type": "error", "error": {"type", "message"}}}. */
    ANTHROPIC;

    ObjectNode errorBody(ErrorKind kind, String message) {
        ObjectNode body = Json.object();
        if (this == ANTHROPIC) {
            body.put("type", "error");
            body.putObject("error").put("type", kind.anthropicType).put("message", message);
        } else {
            ObjectNode error = body.putObject("error");
            error.put("message", message).put("type", kind.openAiType).putNull("param");
            if (kind == ErrorKind.RATE_LIMITED) {
                error.put("code", "rate_limit_exceeded");
            } else {
                error.putNull("code");
            }
        }
        return body;
    }
}
