package dev.benchdeck.driver.http.har;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.benchdeck.engine.plan.Problem;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns a HAR recording into a journey plan (YAML). The target is the origin most requests went to; requests to other
 * origins and, unless {@link Options#keepStatic}, static assets (scripts, styles, images, fonts, by extension or
 * content type) are dropped. Each kept request becomes a step named after its method and path, expecting the status
 * it got; a gap of at least {@link Options#minThinkMillis} between one request's end and the next one's start becomes
 * a think time. A value that an answer returned (a JSON string of 8 characters or more, or a response header's value)
 * and that a later request sends again (in its URL, a header or its body) is suggested as an extraction: the answer's
 * step extracts it into a variable and the later requests use {@code ${variable}} instead. Cookies are left to the
 * journey's cookie jar, so {@code Cookie} headers are not copied.
 */
public final class HarImport {

    /** What to keep: static assets, and the shortest gap that becomes a think time. */
    public record Options(boolean keepStatic, long minThinkMillis) {
        public static final Options DEFAULT = new Options(false, 100);
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));
    private static final Set<String> STATIC_EXTENSIONS = Set.of("js", "mjs", "css", "png", "jpg", "jpeg", "gif", "svg", "ico",
            "webp", "avif", "woff", "woff2", "ttf", "otf", "eot", "map", "mp4", "webm");
    /** Request headers worth replaying; the rest (browser, connection and cookie headers) are the client's business. */
    private static final Set<String> KEPT_HEADERS = Set.of("accept", "authorization", "content-type", "x-csrf-token",
            "x-xsrf-token", "x-requested-with", "x-api-key");
    private static final int MIN_VALUE_LENGTH = 8;
    /** Response headers that describe the answer rather than hand out a value: never suggested. */
    private static final Set<String> DESCRIPTIVE_HEADERS = Set.of("set-cookie", "date", "content-length", "content-type",
            "content-encoding", "content-language", "cache-control", "vary", "server", "connection", "keep-alive",
            "transfer-encoding", "expires", "last-modified", "age", "pragma", "strict-transport-security", "alt-svc", "via");

    private HarImport() {
    }

    /** One recorded request, checked. */
    private record Entry(int index, String method, URI url, Map<String, String> headers, String body, int status,
                         long startMillis, long endMillis, Map<String, String> responseValues, JsonNode responseJson) {
    }

    /** A suggested extraction: where the value comes from, and the variable it goes to. */
    private record Suggestion(String variable, String value, int fromEntry, String jsonPath, String header) {
    }

    /** Reads {@code har} and writes the plan; an {@link InvalidHarException} lists every reason it cannot. */
    public static String toPlan(String har, String name, Options options) throws InvalidHarException {
        List<Entry> entries = read(har);
        String origin = mainOrigin(entries);
        List<Entry> kept = entries.stream()
                .filter(e -> origin(e.url()).equals(origin))
                .filter(e -> options.keepStatic() || !isStatic(e))
                .toList();
        if (kept.isEmpty()) {
            throw new InvalidHarException(List.of(new Problem("log.entries", "no request is left once static assets are dropped"
                    + " (use --keep-static to keep them)")));
        }
        List<Suggestion> suggestions = suggest(kept);
        return yaml(name, origin, kept, suggestions, options, entries.size() - kept.size());
    }

    private static List<Entry> read(String har) throws InvalidHarException {
        JsonNode root;
        try {
            root = JSON.readTree(har);
        } catch (JsonProcessingException e) {
            throw new InvalidHarException(List.of(new Problem("", "not a HAR file: not valid JSON (" + e.getOriginalMessage() + ")")));
        }
        JsonNode list = root == null ? null : root.path("log").get("entries");
        if (list == null || !list.isArray()) {
            throw new InvalidHarException(List.of(new Problem("", "not a HAR file: expected {\"log\": {\"entries\": [...]}}"
                    + " as saved by a browser's devtools (Network → Save all as HAR)")));
        }
        List<Problem> problems = new ArrayList<>();
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Entry e = entry(list.get(i), i, problems);
            if (e != null) {
                entries.add(e);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidHarException(problems);
        }
        if (entries.isEmpty()) {
            throw new InvalidHarException(List.of(new Problem("log.entries", "the recording has no requests")));
        }
        return entries;
    }

    private static Entry entry(JsonNode node, int i, List<Problem> problems) {
        String at = "log.entries[" + i + "]";
        JsonNode request = node.path("request");
        String method = request.path("method").asText(null);
        String url = request.path("url").asText(null);
        if (method == null || method.isBlank()) {
            problems.add(new Problem(at + ".request.method", "is required"));
        }
        URI uri = null;
        if (url == null) {
            problems.add(new Problem(at + ".request.url", "is required"));
        } else {
            try {
                uri = new URI(url);
                if (uri.getScheme() == null || uri.getHost() == null || !uri.getScheme().startsWith("http")) {
                    problems.add(new Problem(at + ".request.url", "must be an absolute http(s) URL (was '" + url + "')"));
                    uri = null;
                }
            } catch (URISyntaxException e) {
                problems.add(new Problem(at + ".request.url", "not a URL: " + e.getMessage()));
            }
        }
        long start = 0;
        String started = node.path("startedDateTime").asText(null);
        if (started == null) {
            problems.add(new Problem(at + ".startedDateTime", "is required"));
        } else {
            try {
                start = OffsetDateTime.parse(started).toInstant().toEpochMilli();
            } catch (DateTimeParseException e) {
                problems.add(new Problem(at + ".startedDateTime", "not an ISO 8601 date and time: '" + started + "'"));
            }
        }
        if (method == null || uri == null || started == null) {
            return null;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (JsonNode h : request.path("headers")) {
            String headerName = h.path("name").asText("");
            if (KEPT_HEADERS.contains(headerName.toLowerCase(Locale.ROOT))) {
                headers.put(headerName, h.path("value").asText(""));
            }
        }
        String body = request.path("postData").path("text").asText(null);
        JsonNode response = node.path("response");
        Map<String, String> responseValues = new LinkedHashMap<>();
        for (JsonNode h : response.path("headers")) {
            String headerName = h.path("name").asText("");
            String lower = headerName.toLowerCase(Locale.ROOT);
            if (!DESCRIPTIVE_HEADERS.contains(lower) && !lower.startsWith("access-control-")) {
                responseValues.putIfAbsent(headerName, h.path("value").asText(""));
            }
        }
        return new Entry(i, method.toUpperCase(Locale.ROOT), uri, headers, body, response.path("status").asInt(200), start,
                start + Math.max(0, Math.round(node.path("time").asDouble(0))), responseValues, responseJson(response));
    }

    private static JsonNode responseJson(JsonNode response) {
        JsonNode content = response.path("content");
        String text = content.path("text").asText(null);
        if (text == null) {
            return null;
        }
        if ("base64".equals(content.path("encoding").asText())) {
            try {
                text = new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        try {
            JsonNode tree = JSON.readTree(text);
            return tree != null && tree.isContainerNode() ? tree : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String origin(URI url) {
        int port = url.getPort();
        return url.getScheme() + "://" + url.getHost() + (port < 0 ? "" : ":" + port);
    }

    private static String mainOrigin(List<Entry> entries) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        entries.forEach(e -> counts.merge(origin(e.url()), 1, Integer::sum));
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    private static boolean isStatic(Entry e) {
        String path = e.url().getPath() == null ? "" : e.url().getPath().toLowerCase(Locale.ROOT);
        int dot = path.lastIndexOf('.');
        if (dot > path.lastIndexOf('/') && STATIC_EXTENSIONS.contains(path.substring(dot + 1))) {
            return true;
        }
        String type = e.responseValues().entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase("content-type"))
                .map(Map.Entry::getValue).findFirst().orElse("").toLowerCase(Locale.ROOT);
        return type.startsWith("image/") || type.startsWith("font/") || type.startsWith("text/css")
                || type.contains("javascript");
    }

    /** Values an answer returned that a later request sends again, first answer first. */
    private static List<Suggestion> suggest(List<Entry> entries) {
        List<Suggestion> suggestions = new ArrayList<>();
        Map<String, Integer> taken = new HashMap<>();
        Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry from = entries.get(i);
            Map<String, String> candidates = new LinkedHashMap<>();
            if (from.responseJson() != null) {
                jsonStrings(from.responseJson(), "$", candidates);
            }
            from.responseValues().forEach((header, value) -> candidates.putIfAbsent("header:" + header, value));
            for (Map.Entry<String, String> c : candidates.entrySet()) {
                String value = c.getValue();
                if (value.length() < MIN_VALUE_LENGTH || seen.contains(value) || !usedLater(entries, i, value)) {
                    continue;
                }
                seen.add(value);
                boolean header = c.getKey().startsWith("header:");
                String source = header ? c.getKey().substring(7) : c.getKey();
                String variable = variable(header ? source.replaceFirst("(?i)^x-", "") : source.substring(source.lastIndexOf('.') + 1), taken);
                suggestions.add(new Suggestion(variable, value, i, header ? null : source, header ? source : null));
            }
        }
        return suggestions;
    }

    private static void jsonStrings(JsonNode node, String path, Map<String, String> out) {
        if (node.isTextual()) {
            out.putIfAbsent(path, node.asText());
        } else if (node.isObject()) {
            node.properties().forEach(e -> jsonStrings(e.getValue(),
                    e.getKey().matches("[A-Za-z_][A-Za-z0-9_]*") ? path + "." + e.getKey() : path + "['" + e.getKey() + "']", out));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                jsonStrings(node.get(i), path + "[" + i + "]", out);
            }
        }
    }

    private static boolean usedLater(List<Entry> entries, int after, String value) {
        for (int j = after + 1; j < entries.size(); j++) {
            Entry e = entries.get(j);
            if (e.url().toString().contains(value) || (e.body() != null && e.body().contains(value))
                    || e.headers().values().stream().anyMatch(v -> v.contains(value))) {
                return true;
            }
        }
        return false;
    }

    private static String variable(String from, Map<String, Integer> taken) {
        String base = from.replaceAll("[^A-Za-z0-9_]", "_").replaceAll("_+", "_").toLowerCase(Locale.ROOT);
        if (base.isEmpty() || Character.isDigit(base.charAt(0))) {
            base = "v_" + base;
        }
        int n = taken.merge(base, 1, Integer::sum);
        return n == 1 ? base : base + "_" + n;
    }

    private static String yaml(String name, String origin, List<Entry> kept, List<Suggestion> suggestions, Options options,
                               int dropped) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode plan = f.objectNode();
        plan.put("name", name);
        plan.put("description", "Imported from a HAR recording: " + kept.size() + " requests"
                + (dropped > 0 ? ", " + dropped + " dropped (static assets or other origins)" : "") + ".");
        plan.putObject("target").put("url", origin);
        ObjectNode workload = plan.putObject("workload");
        workload.put("driver", "http");
        ArrayNode journey = workload.putArray("journey");
        for (int i = 0; i < kept.size(); i++) {
            Entry e = kept.get(i);
            if (i > 0) {
                long gap = e.startMillis() - kept.get(i - 1).endMillis();
                if (gap >= options.minThinkMillis()) {
                    journey.addObject().put("think", gap + "ms");
                }
            }
            journey.add(step(e, i, suggestions));
        }
        ObjectNode load = plan.putObject("load");
        load.put("model", "closed");
        load.put("users", 1);
        load.put("duration", "30s");
        plan.putArray("thresholds").add("error_rate < 1%");
        StringBuilder out = new StringBuilder("# Imported by `benchdeck import har`. Review before running it against a real system.\n");
        if (suggestions.isEmpty()) {
            out.append("# No reused values were found to suggest as extractions.\n");
        } else {
            out.append("# Suggested extractions (values an answer returned and later requests sent again):\n");
            for (Suggestion s : suggestions) {
                out.append("#   ${").append(s.variable()).append("} from ").append(stepName(kept.get(s.fromEntry())))
                        .append(s.jsonPath() != null ? " " + s.jsonPath() : " header " + s.header()).append('\n');
            }
        }
        try {
            return out.append(YAML.writeValueAsString(plan)).toString();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write the plan", e);
        }
    }

    private static ObjectNode step(Entry e, int position, List<Suggestion> suggestions) {
        ObjectNode step = JsonNodeFactory.instance.objectNode();
        step.put("name", stepName(e));
        step.put("method", e.method());
        String path = e.url().getRawPath() == null || e.url().getRawPath().isEmpty() ? "/" : e.url().getRawPath();
        if (e.url().getRawQuery() != null) {
            path += "?" + e.url().getRawQuery();
        }
        // only values extracted earlier may be used here
        List<Suggestion> usable = suggestions.stream().filter(s -> s.fromEntry() < position).toList();
        step.put("path", substitute(path, usable));
        if (!e.headers().isEmpty()) {
            ObjectNode headers = step.putObject("headers");
            e.headers().forEach((k, v) -> headers.put(k, substitute(v, usable)));
        }
        if (e.body() != null && !e.body().isEmpty()) {
            step.put("body", substitute(e.body(), usable));
        }
        step.put("expect_status", e.status());
        List<Suggestion> extracted = suggestions.stream().filter(s -> s.fromEntry() == position).toList();
        if (!extracted.isEmpty()) {
            ArrayNode extract = step.putArray("extract");
            for (Suggestion s : extracted) {
                ObjectNode x = extract.addObject().put("name", s.variable());
                if (s.jsonPath() != null) {
                    x.put("jsonpath", s.jsonPath());
                } else {
                    x.put("header", s.header());
                }
            }
        }
        return step;
    }

    private static String substitute(String text, List<Suggestion> usable) {
        String result = text;
        for (Suggestion s : usable) {
            result = result.replace(s.value(), "${" + s.variable() + "}");
        }
        return result;
    }

    /** {@code get /api/items} style names: the method and the path without its query. */
    private static String stepName(Entry e) {
        String path = e.url().getPath() == null || e.url().getPath().isEmpty() ? "/" : e.url().getPath();
        return e.method().toLowerCase(Locale.ROOT) + " " + path;
    }
}
