package dev.benchdeck.ingestor.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.benchdeck.ingestor.message.FieldProblem;
import java.util.List;
import java.util.Locale;

/**
 * An RFC 9457 problem detail: {@code type}, {@code title}, {@code status}, {@code detail}, and for bad input
 * {@code errors: [{path, message}]} with paths such as {@code [3].user_id}.
 */
record Problem(int status, String title, String detail, List<FieldProblem> errors, Integer retryAfterSeconds) {

    Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    static Problem of(int status, String title, String detail) {
        return new Problem(status, title, detail, null, null);
    }

    Problem retryAfter(int seconds) {
        return new Problem(status, title, detail, errors, seconds);
    }

    ObjectNode toJson() {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("type", "https://benchdeck.dev/problems/" + title.toLowerCase(Locale.ROOT).replace(' ', '-'));
        out.put("title", title).put("status", status).put("detail", detail);
        if (!errors.isEmpty()) {
            ArrayNode list = out.putArray("errors");
            errors.forEach(e -> list.addObject().put("path", e.path()).put("message", e.message()));
        }
        return out;
    }
}
