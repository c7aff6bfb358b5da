package dev.benchdeck.engine.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies {@code key=value} overrides (the CLI's {@code --set}) on top of a plan, before it is read:
 * {@code load.users=100}, {@code target.url=http://host/}, {@code load.steps[1].rate=400}. Values are
 * read as YAML scalars, so numbers stay numbers.
 */
public final class PlanOverrides {

    private static final Pattern SEGMENT = Pattern.compile("([A-Za-z_][A-Za-z0-9_-]*)((?:\\[\\d+])*)");
    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");

    private PlanOverrides() {
    }

    public static void apply(ObjectNode root, List<String> overrides) {
        List<Problem> problems = new ArrayList<>();
        for (String override : overrides) {
            int eq = override.indexOf('=');
            if (eq <= 0) {
                problems.add(new Problem("--set " + override, "must be key=value, e.g. load.users=100"));
                continue;
            }
            String key = override.substring(0, eq).trim();
            String value = override.substring(eq + 1);
            String error = set(root, key, PlanReader.parseTree(value.isEmpty() ? "''" : value));
            if (error != null) {
                problems.add(new Problem(key, error));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidPlanException(problems);
        }
    }

    /** Sets one value, creating maps on the way; returns a problem message or {@code null}. */
    private static String set(ObjectNode root, String key, JsonNode value) {
        String[] segments = key.split("\\.");
        JsonNode current = root;
        for (int s = 0; s < segments.length; s++) {
            Matcher m = SEGMENT.matcher(segments[s]);
            if (!m.matches()) {
                return "not a plan path (write e.g. load.steps[0].users)";
            }
            boolean last = s == segments.length - 1;
            if (!(current instanceof ObjectNode object)) {
                return "'" + segments[s] + "' is inside something that is not a map";
            }
            List<Integer> indexes = new ArrayList<>();
            Matcher im = INDEX.matcher(m.group(2));
            while (im.find()) {
                indexes.add(Integer.parseInt(im.group(1)));
            }
            String field = m.group(1);
            if (indexes.isEmpty()) {
                if (last) {
                    object.set(field, value);
                    return null;
                }
                current = object.has(field) ? object.get(field) : object.putObject(field);
                continue;
            }
            JsonNode child = object.get(field);
            for (int i = 0; i < indexes.size(); i++) {
                int index = indexes.get(i);
                if (!(child instanceof ArrayNode array) || index >= array.size()) {
                    return "no element [" + index + "] in " + field;
                }
                if (last && i == indexes.size() - 1) {
                    array.set(index, value);
                    return null;
                }
                child = array.get(index);
            }
            current = child;
        }
        return null;
    }
}
