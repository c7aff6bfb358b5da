package dev.benchdeck.engine.result;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a run's labels may be, written once for the CLI ({@code --label}) and the server (API, uploads). Four keys
 * are the run's own fields: {@code commit} (4–64 hex digits), {@code branch} (no spaces), {@code version} and
 * {@code environment}; every other key is a free label. Keys are 1–63 characters of letters, digits and
 * {@code _ . - /}, starting with a letter or digit; values 1–200 characters without control characters; at most 32.
 */
public final class RunLabelRules {

    public static final String COMMIT = "commit";
    public static final String BRANCH = "branch";
    public static final String VERSION = "version";
    public static final String ENVIRONMENT = "environment";
    public static final List<String> FIELDS = List.of(COMMIT, BRANCH, VERSION, ENVIRONMENT);
    public static final int MAX_LABELS = 32;
    public static final int MAX_VALUE = 200;
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_./-]{0,62}");
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{4,64}");

    /** One problem of a labels map: where ({@code labels.branch}) and why. */
    public record Problem(String path, String message) {
    }

    private RunLabelRules() {
    }

    /** Every problem of a labels map at once; {@code path} is the map's own path ({@code labels}). */
    public static List<Problem> problems(Map<String, String> labels, String path, boolean nullsAllowed) {
        List<Problem> problems = new ArrayList<>();
        if (labels.size() > MAX_LABELS) {
            problems.add(new Problem(path, "at most " + MAX_LABELS + " labels, got " + labels.size()));
        }
        labels.forEach((key, value) -> {
            String at = path + "." + key;
            if (key == null || !KEY.matcher(key).matches()) {
                problems.add(new Problem(path, "label key '" + key + "' must be 1-63 letters, digits or _ . - /, starting with a letter or digit"));
                return;
            }
            if (value == null) {
                if (!nullsAllowed) {
                    problems.add(new Problem(at, "must be a text value"));
                }
                return;
            }
            if (value.isEmpty() || value.length() > MAX_VALUE) {
                problems.add(new Problem(at, "must be 1-" + MAX_VALUE + " characters, got " + value.length()));
            } else if (value.codePoints().anyMatch(Character::isISOControl)) {
                problems.add(new Problem(at, "must not contain control characters"));
            } else if (key.equals(COMMIT) && !HEX.matcher(value).matches()) {
                problems.add(new Problem(at, "must be a commit id: 4-64 hexadecimal digits"));
            } else if (key.equals(BRANCH) && value.chars().anyMatch(Character::isWhitespace)) {
                problems.add(new Problem(at, "must not contain spaces"));
            }
        });
        return problems;
    }

    /** Commits in lower case (so that the same commit matches however it was written). */
    public static Map<String, String> normalized(Map<String, String> labels) {
        Map<String, String> out = new LinkedHashMap<>(labels);
        out.computeIfPresent(COMMIT, (k, v) -> v.toLowerCase(Locale.ROOT));
        return out;
    }
}
