package dev.benchdeck.engine.telemetry;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Which Prometheus series a target's telemetry keeps, written as in PromQL without functions:
 * {@code http_requests_total} or {@code http_requests_total{method="GET",status=~"5.."}} (matchers
 * {@code =}, {@code !=}, {@code =~}, {@code !~}; regular expressions match the whole value). The
 * samples it matches are added up, as {@code sum(...)} would.
 */
public record SeriesSelector(String text, String name, List<Matcher> matchers) {

    /** One label condition. */
    public record Matcher(String label, String operator, String value, Pattern pattern) {

        boolean test(String actual) {
            String v = actual == null ? "" : actual;
            return switch (operator) {
                case "=" -> v.equals(value);
                case "!=" -> !v.equals(value);
                case "=~" -> pattern.matcher(v).matches();
                default -> !pattern.matcher(v).matches();
            };
        }
    }

    public static final int MAX_LENGTH = 300;

    /** Reads a selector; the message of the exception says what is wrong, without repeating the text. */
    public static SeriesSelector parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("must name a metric, e.g. http_requests_total{status=\"500\"}");
        }
        String s = text.strip();
        if (s.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("must be at most " + MAX_LENGTH + " characters");
        }
        int at = 0;
        while (at < s.length() && PrometheusText.isNameChar(s.charAt(at), at == 0)) {
            at++;
        }
        if (at == 0) {
            throw new IllegalArgumentException("must start with a metric name (letters, digits, _ and :, not a digit first)");
        }
        String name = s.substring(0, at);
        List<Matcher> matchers = new ArrayList<>();
        if (at < s.length()) {
            if (s.charAt(at) != '{' || s.charAt(s.length() - 1) != '}') {
                throw new IllegalArgumentException("may only be a metric name followed by {label matchers}");
            }
            readMatchers(s.substring(at + 1, s.length() - 1), matchers);
        }
        return new SeriesSelector(s, name, List.copyOf(matchers));
    }

    private static void readMatchers(String body, List<Matcher> matchers) {
        int at = 0;
        while (true) {
            while (at < body.length() && body.charAt(at) == ' ') {
                at++;
            }
            if (at >= body.length()) {
                return;
            }
            int start = at;
            while (at < body.length() && PrometheusText.isNameChar(body.charAt(at), at == start) && body.charAt(at) != ':') {
                at++;
            }
            String label = body.substring(start, at);
            String operator = body.startsWith("=~", at) ? "=~" : body.startsWith("!~", at) ? "!~"
                    : body.startsWith("!=", at) ? "!=" : body.startsWith("=", at) ? "=" : null;
            if (label.isEmpty() || operator == null) {
                throw new IllegalArgumentException("a label matcher is label=\"value\" (or !=, =~, !~)");
            }
            at += operator.length();
            if (at >= body.length() || body.charAt(at) != '"') {
                throw new IllegalArgumentException("the value of label " + label + " must be in double quotes");
            }
            StringBuilder value = new StringBuilder();
            at++;
            while (at < body.length() && body.charAt(at) != '"') {
                if (body.charAt(at) == '\\' && at + 1 < body.length()) {
                    at++;
                }
                value.append(body.charAt(at++));
            }
            if (at >= body.length()) {
                throw new IllegalArgumentException("the value of label " + label + " has no closing quote");
            }
            at++;
            matchers.add(matcher(label, operator, value.toString()));
            while (at < body.length() && body.charAt(at) == ' ') {
                at++;
            }
            if (at < body.length()) {
                if (body.charAt(at) != ',') {
                    throw new IllegalArgumentException("label matchers are separated by commas");
                }
                at++;
            }
        }
    }

    private static Matcher matcher(String label, String operator, String value) {
        Pattern pattern = null;
        if (operator.endsWith("~")) {
            try {
                pattern = Pattern.compile(value);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("the regular expression for label " + label + " is not valid");
            }
        }
        return new Matcher(label, operator, value, pattern);
    }

    public boolean matches(PrometheusText.Sample sample) {
        if (!sample.name().equals(name)) {
            return false;
        }
        for (Matcher m : matchers) {
            if (!m.test(sample.labels().get(m.label()))) {
                return false;
            }
        }
        return true;
    }
}
