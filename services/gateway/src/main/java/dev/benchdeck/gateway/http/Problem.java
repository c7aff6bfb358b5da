package dev.benchdeck.gateway.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.benchdeck.gateway.config.FieldProblem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An RFC 9457 problem detail as Benchdeck's server writes them: {@code type}, {@code title}, {@code status},
 * {@code detail}, and for problems with the request {@code errors: [{path, message}]}; gateway refusals
 * add a {@code code}. Headers such as Retry-After travel with it.
 */
public record Problem(int status, String title, String detail, String code, List<FieldProblem> errors, Map<String, String> headers) {

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    public static Problem of(int status, String title, String detail) {
        return new Problem(status, title, detail, null, null, null);
    }

    public Problem withCode(String c) {
        return new Problem(status, title, detail, c, errors, headers);
    }

    public Problem withHeader(String name, String value) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put(name, value);
        return new Problem(status, title, detail, code, errors, all);
    }

    public Problem withHeaders(Map<String, String> more) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.putAll(more);
        return new Problem(status, title, detail, code, errors, all);
    }

    public ObjectNode toJson() {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("type", "https://benchdeck.dev/problems/" + title.toLowerCase(Locale.ROOT).replace(' ', '-'));
        out.put("title", title).put("status", status).put("detail", detail);
        if (code != null) {
            out.put("code", code);
        }
        if (!errors.isEmpty()) {
            ArrayNode list = out.putArray("errors");
            errors.forEach(e -> list.addObject().put("path", e.path()).put("message", e.message()));
        }
        return out;
    }
}
