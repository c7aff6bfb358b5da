package dev.benchdeck.driver.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchdeck.engine.plan.ConfigNode;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code expect_status}: one status or a list of them; absent means any 2xx. */
final class StatusListReader {

    private final ConfigNode parent;
    private final String field;

    public StatusListReader(ConfigNode parent, String field) {
        this.parent = parent;
        this.field = field;
    }

    public ExpectedStatus read() {
        if (!parent.has(field)) {
            return ExpectedStatus.ANY_2XX;
        }
        List<Integer> statuses = new ArrayList<>();
        if (parent.get(field).raw().isArray()) {
            List<ConfigNode> items = parent.list(field);
            if (items.isEmpty()) {
                parent.problem(field, "must list at least one status");
            }
            items.forEach(item -> add(item.raw(), item, statuses));
        } else {
            add(parent.get(field).raw(), parent.get(field), statuses);
        }
        return statuses.isEmpty() ? ExpectedStatus.ANY_2XX : ExpectedStatus.of(statuses);
    }

    private static void add(JsonNode value, ConfigNode at, List<Integer> statuses) {
        String text = value.isValueNode() ? value.asText().trim() : "";
        if ((value.isIntegralNumber() || value.isTextual()) && text.matches("\\d{3}")) {
            int status = Integer.parseInt(text);
            if (status >= ExpectedStatus.MIN && status <= ExpectedStatus.MAX) {
                statuses.add(status);
                return;
            }
        }
        at.problem("must be an HTTP status (" + ExpectedStatus.MIN + "-" + ExpectedStatus.MAX + ")");
    }
}
