package dev.benchdeck.server.run;

import dev.benchdeck.server.system.BadRequestException;
import dev.benchdeck.server.system.FieldProblem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A run's labels, one flat map of key → value everywhere (API, CLI result file, history filters). Four keys are the
 * run's own fields, stored in columns of their own: {@code commit} (4–64 hex digits), {@code branch}, {@code version}
 * and {@code environment}; every other key is a free label. Keys are 1–63 characters of letters, digits and
 * {@code _ . - /}, starting with a letter or digit; values 1–200 characters without control characters; at most 32.
 */
public final class RunLabels {

    public static final String COMMIT = "commit";
    public static final String BRANCH = "branch";
    public static final String VERSION = "version";
    public static final String ENVIRONMENT = "environment";
    public static final List<String> FIELDS = List.of(COMMIT, BRANCH, VERSION, ENVIRONMENT);
    static final int MAX_LABELS = 32;
    static final int MAX_VALUE = 200;
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_./-]{0,62}");
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{4,64}");

    private RunLabels() {
    }

    /** Every problem of a labels map at once; {@code path} is the map's path in the request ({@code labels}). */
    public static List<FieldProblem> problems(Map<String, String> labels, String path, boolean nullsAllowed) {
        List<FieldProblem> problems = new ArrayList<>();
        if (labels.size() > MAX_LABELS) {
            problems.add(new FieldProblem(path, "at most " + MAX_LABELS + " labels, got " + labels.size()));
        }
        labels.forEach((key, value) -> {
            String at = path + "." + key;
            if (key == null || !KEY.matcher(key).matches()) {
                problems.add(new FieldProblem(path, "label key '" + key + "' must be 1-63 letters, digits or _ . - /, starting with a letter or digit"));
                return;
            }
            if (value == null) {
                if (!nullsAllowed) {
                    problems.add(new FieldProblem(at, "must be a text value"));
                }
                return;
            }
            if (value.isEmpty() || value.length() > MAX_VALUE) {
                problems.add(new FieldProblem(at, "must be 1-" + MAX_VALUE + " characters, got " + value.length()));
            } else if (value.codePoints().anyMatch(Character::isISOControl)) {
                problems.add(new FieldProblem(at, "must not contain control characters"));
            } else if (key.equals(COMMIT) && !HEX.matcher(value).matches()) {
                problems.add(new FieldProblem(at, "must be a commit id: 4-64 hexadecimal digits"));
            } else if (key.equals(BRANCH) && value.chars().anyMatch(Character::isWhitespace)) {
                problems.add(new FieldProblem(at, "must not contain spaces"));
            }
        });
        return problems;
    }

    /** Refuses (400, every problem with its path) labels that do not pass {@link #problems}. */
    public static Map<String, String> require(Map<String, String> labels, String path) {
        Map<String, String> given = labels == null ? Map.of() : labels;
        List<FieldProblem> problems = problems(given, path, false);
        if (!problems.isEmpty()) {
            throw new BadRequestException("invalid labels", problems);
        }
        return normalized(given);
    }

    /** Commits in lower case (so that the same commit matches however it was written). */
    static Map<String, String> normalized(Map<String, String> labels) {
        Map<String, String> out = new LinkedHashMap<>(labels);
        out.computeIfPresent(COMMIT, (k, v) -> v.toLowerCase(java.util.Locale.ROOT));
        return out;
    }

    /** The free labels: all but the four fields. */
    static Map<String, String> free(Map<String, String> labels) {
        Map<String, String> free = new LinkedHashMap<>(labels);
        FIELDS.forEach(free::remove);
        return free;
    }

    /**
     * A {@code key:value} filter of the runs list and the history ({@code label=os:linux}); the first ':' separates
     * them. Problems go to {@code problems} at {@code path}.
     */
    public static Map<String, String> filters(List<String> given, String path, List<FieldProblem> problems) {
        Map<String, String> filters = new LinkedHashMap<>();
        if (given == null) {
            return filters;
        }
        for (int i = 0; i < given.size(); i++) {
            String filter = given.get(i);
            int colon = filter == null ? -1 : filter.indexOf(':');
            String at = path + "[" + i + "]";
            if (colon <= 0 || colon == filter.length() - 1) {
                problems.add(new FieldProblem(at, "must be key:value, e.g. os:linux"));
                continue;
            }
            Map<String, String> one = Map.of(filter.substring(0, colon), filter.substring(colon + 1));
            List<FieldProblem> wrong = problems(one, at, false);
            if (wrong.isEmpty()) {
                filters.putAll(normalized(one));
            } else {
                wrong.forEach(p -> problems.add(new FieldProblem(at, p.message())));
            }
        }
        return filters;
    }
}
