package dev.benchdeck.server.run;

import dev.benchdeck.engine.result.RunLabelRules;
import dev.benchdeck.server.system.BadRequestException;
import dev.benchdeck.server.system.FieldProblem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's labels, one flat map of key → value everywhere (API, CLI result file, history filters); the rules are
 * {@link RunLabelRules}' (shared with the CLI's {@code --label}). Four keys are the run's own fields, stored in
 * columns of their own ({@link #FIELDS}); every other key is a free label.
 */
public final class RunLabels {

    public static final String COMMIT = RunLabelRules.COMMIT;
    public static final String BRANCH = RunLabelRules.BRANCH;
    public static final String VERSION = RunLabelRules.VERSION;
    public static final String ENVIRONMENT = RunLabelRules.ENVIRONMENT;
    public static final List<String> FIELDS = RunLabelRules.FIELDS;

    private RunLabels() {
    }

    /** Every problem of a labels map at once; {@code path} is the map's path in the request ({@code labels}). */
    public static List<FieldProblem> problems(Map<String, String> labels, String path, boolean nullsAllowed) {
        return RunLabelRules.problems(labels, path, nullsAllowed).stream()
                .map(p -> new FieldProblem(p.path(), p.message()))
                .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
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
        return RunLabelRules.normalized(labels);
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
