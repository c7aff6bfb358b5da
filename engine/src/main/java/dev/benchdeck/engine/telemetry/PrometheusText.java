package dev.benchdeck.engine.telemetry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads Prometheus' text exposition format (version 0.0.4, and the OpenMetrics lines a scrape may
 * hold: {@code # EOF}, exemplars): samples with their labels and the family types named by
 * {@code # TYPE}. A line that cannot be read is reported with its number and skipped, since the
 * target's output is not ours to reject.
 */
public final class PrometheusText {

    /** One sample line: {@code name{labels} value}. */
    public record Sample(String name, Map<String, String> labels, double value) {
    }

    /** A page of samples, the declared family types ({@code counter}, {@code gauge}, …) and what could not be read. */
    public record Page(List<Sample> samples, Map<String, String> types, List<String> problems) {

        /**
         * Whether a sample of this name only ever grows (so a rate is its meaning): a counter, the
         * {@code _sum}/{@code _count}/{@code _bucket} of a histogram or summary, or an untyped {@code _total}.
         */
        public boolean isCumulative(String sampleName) {
            String type = types.get(sampleName);
            if (type != null && !type.equals("untyped") && !type.equals("unknown")) {
                return type.equals("counter");
            }
            String family = familyType(sampleName, "_total");
            if (family != null) {
                return family.equals("counter");
            }
            for (String suffix : new String[] {"_sum", "_count", "_bucket"}) {
                family = familyType(sampleName, suffix);
                if (family != null) {
                    return family.equals("histogram") || family.equals("summary");
                }
            }
            return sampleName.endsWith("_total");
        }

        private String familyType(String sampleName, String suffix) {
            return sampleName.endsWith(suffix) ? types.get(sampleName.substring(0, sampleName.length() - suffix.length())) : null;
        }
    }

    private PrometheusText() {
    }

    public static Page parse(String text) {
        List<Sample> samples = new ArrayList<>();
        Map<String, String> types = new HashMap<>();
        List<String> problems = new ArrayList<>();
        int number = 0;
        for (String line : text.split("\n", -1)) {
            number++;
            String trimmed = line.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (trimmed.startsWith("#")) {
                readComment(trimmed, types);
                continue;
            }
            try {
                samples.add(readSample(trimmed));
            } catch (IllegalArgumentException e) {
                problems.add("line " + number + ": " + e.getMessage());
            }
        }
        return new Page(samples, types, problems);
    }

    private static void readComment(String line, Map<String, String> types) {
        String[] words = line.substring(1).strip().split("\\s+", 3);
        if (words.length == 3 && words[0].equals("TYPE")) {
            types.put(words[1], words[2].strip().toLowerCase(java.util.Locale.ROOT));
        }
    }

    /** {@code name [{labels}] value [timestamp] [# exemplar]}. */
    static Sample readSample(String line) {
        int at = 0;
        int nameEnd = at;
        while (nameEnd < line.length() && isNameChar(line.charAt(nameEnd), nameEnd == 0)) {
            nameEnd++;
        }
        if (nameEnd == 0) {
            throw new IllegalArgumentException("a sample starts with a metric name");
        }
        String name = line.substring(0, nameEnd);
        at = nameEnd;
        Map<String, String> labels = Map.of();
        if (at < line.length() && line.charAt(at) == '{') {
            LinkedHashMap<String, String> read = new LinkedHashMap<>();
            at = readLabels(line, at + 1, read);
            labels = read;
        }
        String rest = line.substring(at).strip();
        int exemplar = rest.indexOf(" # ");
        if (exemplar >= 0) {
            rest = rest.substring(0, exemplar).strip();
        }
        if (rest.isEmpty()) {
            throw new IllegalArgumentException(name + " has no value");
        }
        String[] fields = rest.split("\\s+");
        if (fields.length > 2) {
            throw new IllegalArgumentException(name + " has more than a value and a timestamp");
        }
        return new Sample(name, labels, value(name, fields[0]));
    }

    /** Reads {@code a="x",b="y"}} from {@code at}; answers the index after the closing brace. */
    private static int readLabels(String line, int at, Map<String, String> labels) {
        while (true) {
            while (at < line.length() && line.charAt(at) == ' ') {
                at++;
            }
            if (at < line.length() && line.charAt(at) == '}') {
                return at + 1;
            }
            int nameStart = at;
            while (at < line.length() && isNameChar(line.charAt(at), at == nameStart) && line.charAt(at) != ':') {
                at++;
            }
            if (at == nameStart || at + 1 >= line.length() || line.charAt(at) != '=' || line.charAt(at + 1) != '"') {
                throw new IllegalArgumentException("a label is name=\"value\"");
            }
            String labelName = line.substring(nameStart, at);
            at += 2;
            StringBuilder value = new StringBuilder();
            while (at < line.length() && line.charAt(at) != '"') {
                char c = line.charAt(at);
                if (c == '\\' && at + 1 < line.length()) {
                    char next = line.charAt(++at);
                    value.append(next == 'n' ? '\n' : next);
                } else {
                    value.append(c);
                }
                at++;
            }
            if (at >= line.length()) {
                throw new IllegalArgumentException("label " + labelName + " has no closing quote");
            }
            labels.put(labelName, value.toString());
            at++;
            while (at < line.length() && line.charAt(at) == ' ') {
                at++;
            }
            if (at < line.length() && line.charAt(at) == ',') {
                at++;
            } else if (at >= line.length() || line.charAt(at) != '}') {
                throw new IllegalArgumentException("labels are separated by commas and end with }");
            }
        }
    }

    private static double value(String name, String text) {
        return switch (text) {
            case "NaN" -> Double.NaN;
            case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> {
                try {
                    yield Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(name + " has a value that is not a number");
                }
            }
        };
    }

    static boolean isNameChar(char c, boolean first) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == ':' || !first && c >= '0' && c <= '9';
    }
}
