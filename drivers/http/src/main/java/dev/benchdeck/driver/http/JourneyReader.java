package dev.benchdeck.driver.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchdeck.driver.http.template.DataFileReader;
import dev.benchdeck.driver.http.template.DataRows;
import dev.benchdeck.driver.http.template.Template;
import dev.benchdeck.driver.http.template.TemplateCompiler;
import dev.benchdeck.engine.driver.JourneyOutline;
import dev.benchdeck.engine.plan.ConfigNode;
import dev.benchdeck.engine.plan.DurationText;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads and checks {@code workload.journey} and {@code workload.feeders}, reporting every problem with its path before
 * any load is sent: unknown fields, JSONPaths that do not parse, regular expressions that do not compile, weights that
 * do not add up to 100, and variables used before anything extracts or feeds them. That last check walks the journey in
 * order: a variable is defined after the step that extracts it, after a loop that runs at least once
 * ({@code repeat}) when its body defines it, after an {@code if} or weighted branches when every path defines it, and
 * never by a {@code while} body (which may not run).
 */
final class JourneyReader {

    static final int DEFAULT_WHILE_MAX = 100;
    private static final Set<String> REQUEST_FIELDS =
            Set.of("name", "method", "path", "headers", "body", "expect_status", "extract", "checks");
    private static final Set<String> EXTRACT_FIELDS = Set.of("name", "jsonpath", "regex", "group", "header", "cookie", "default");
    private static final Set<String> CHECK_FIELDS =
            Set.of("name", "status", "jsonpath", "equals", "exists", "body_contains", "header", "response_time_below");
    private static final Set<String> CONDITION_FIELDS = Set.of("var", "equals", "not_equals", "exists");
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final ConfigNode workload;
    private final HttpTarget target;
    private final Set<String> stepNames = new LinkedHashSet<>();
    private final Set<String> groupNames = new LinkedHashSet<>();
    /** Every variable something extracts or feeds, anywhere: conditions may test one before it is set. */
    private final Set<String> assigned = new HashSet<>();
    private final List<Runnable> afterwards = new ArrayList<>();

    JourneyReader(ConfigNode workload, HttpTarget target) {
        this.workload = workload;
        this.target = target;
    }

    Journey read() {
        List<Feeder> feeders = feeders();
        Set<String> defined = new HashSet<>();
        feeders.forEach(f -> defined.addAll(f.columns()));
        assigned.addAll(defined);
        if (!workload.get("journey").raw().isArray() || workload.get("journey").raw().isEmpty()) {
            workload.problem("journey", "must list the journey's steps (requests, think, group, repeat, while, if, branches)");
        }
        List<Journey.Node> nodes = nodes(workload.list("journey"), defined);
        afterwards.forEach(Runnable::run);
        return new Journey(nodes, feeders, new JourneyOutline(stepNames, groupNames));
    }

    private List<Feeder> feeders() {
        List<Feeder> feeders = new ArrayList<>();
        for (ConfigNode item : workload.list("feeders")) {
            if (!item.expectObject(Set.of("file", "strategy"))) {
                continue;
            }
            String file = item.requiredText("file");
            String strategy = item.choice("strategy", "circular", List.of("circular", "random", "unique"));
            if (file == null) {
                continue;
            }
            DataRows rows = new DataFileReader(item, "file").read(Path.of(file));
            if (rows != null) {
                feeders.add(Feeder.of(file, rows, Feeder.Strategy.valueOf(strategy.toUpperCase(Locale.ROOT))));
            }
        }
        return feeders;
    }

    private List<Journey.Node> nodes(List<ConfigNode> items, Set<String> defined) {
        List<Journey.Node> nodes = new ArrayList<>();
        for (ConfigNode item : items) {
            Journey.Node node = node(item, defined);
            if (node != null) {
                nodes.add(node);
            }
        }
        return nodes;
    }

    private Journey.Node node(ConfigNode item, Set<String> defined) {
        if (!item.raw().isObject()) {
            item.problem("must be a map: a request (name, path…), think, group, repeat, while, if or branches");
            return null;
        }
        if (item.has("group")) {
            item.expectObject(Set.of("group", "steps"));
            String name = item.requiredText("group");
            groupNames.add(name);
            return new Journey.Group(name, body(item, "steps", defined));
        }
        if (item.has("repeat")) {
            item.expectObject(Set.of("repeat", "steps"));
            Long times = item.integerAtLeast("repeat", 1L, 1);
            return new Journey.Repeat(times == null ? 1 : (int) Math.min(times, 1_000_000), body(item, "steps", defined));
        }
        if (item.has("while")) {
            item.expectObject(Set.of("while", "max", "steps"));
            Journey.Condition condition = condition(item.get("while"));
            Long max = item.integerAtLeast("max", (long) DEFAULT_WHILE_MAX, 1);
            List<Journey.Node> body = body(item, "steps", new HashSet<>(defined));
            return new Journey.While(condition, max == null ? DEFAULT_WHILE_MAX : (int) Math.min(max, 1_000_000), body);
        }
        if (item.has("if")) {
            item.expectObject(Set.of("if", "then", "else"));
            Journey.Condition condition = condition(item.get("if"));
            Set<String> thenDefined = new HashSet<>(defined);
            Set<String> elseDefined = new HashSet<>(defined);
            List<Journey.Node> then = body(item, "then", thenDefined);
            List<Journey.Node> otherwise = nodes(item.list("else"), elseDefined);
            thenDefined.retainAll(elseDefined);
            defined.addAll(thenDefined);
            return new Journey.If(condition, then, otherwise);
        }
        if (item.has("branches")) {
            item.expectObject(Set.of("branches"));
            return branches(item, defined);
        }
        if (item.has("think")) {
            item.expectObject(Set.of("think"));
            Journey.ThinkTime time = thinkTime(item);
            return time == null ? null : new Journey.Think(time);
        }
        return request(item, defined);
    }

    private List<Journey.Node> body(ConfigNode item, String field, Set<String> defined) {
        if (!item.has(field)) {
            item.problem(field, "is required: the steps to run");
        }
        return nodes(item.list(field), defined);
    }

    private Journey.Node branches(ConfigNode item, Set<String> defined) {
        List<ConfigNode> items = item.list("branches");
        if (items.size() < 2) {
            item.problem("branches", "must list at least two branches, each with a weight and steps");
        }
        List<Journey.Branch> branches = new ArrayList<>();
        Set<String> common = null;
        long total = 0;
        for (ConfigNode b : items) {
            if (!b.expectObject(Set.of("name", "weight", "steps"))) {
                continue;
            }
            Long weight = b.integerAtLeast("weight", null, 1);
            if (weight == null && !b.has("weight")) {
                b.problem("weight", "is required: the branch's share in percent");
            }
            total += weight == null ? 0 : weight;
            Set<String> branchDefined = new HashSet<>(defined);
            List<Journey.Node> body = body(b, "steps", branchDefined);
            if (common == null) {
                common = branchDefined;
            } else {
                common.retainAll(branchDefined);
            }
            String name = b.text("name", "branch " + (branches.size() + 1));
            branches.add(new Journey.Branch(name, weight == null ? 0 : (int) Math.min(weight, 100), body));
        }
        if (!items.isEmpty() && total != 100) {
            item.problem("branches", "weights must add up to 100 (they add up to " + total + ")");
        }
        if (common != null) {
            defined.addAll(common);
        }
        return new Journey.Branches(branches);
    }

    private Journey.ThinkTime thinkTime(ConfigNode item) {
        JsonNode raw = item.get("think").raw();
        if (!raw.isObject()) {
            Duration d = item.duration("think", null);
            return d == null ? null : new Journey.Constant(d);
        }
        ConfigNode think = item.get("think");
        if (!think.expectObject(Set.of("uniform", "exponential"))) {
            return null;
        }
        if (think.has("uniform") == think.has("exponential")) {
            think.problem("give uniform: [min, max] or exponential: <mean>");
            return null;
        }
        if (think.has("exponential")) {
            Duration mean = think.duration("exponential", null);
            return mean == null ? null : new Journey.Exponential(mean);
        }
        List<ConfigNode> bounds = think.list("uniform");
        if (bounds.size() != 2) {
            think.problem("uniform", "must be [min, max], e.g. [1s, 3s]");
            return null;
        }
        Duration min = duration(bounds.get(0));
        Duration max = duration(bounds.get(1));
        if (min == null || max == null) {
            return null;
        }
        if (min.compareTo(max) > 0) {
            think.problem("uniform", "the minimum is greater than the maximum");
            return null;
        }
        return new Journey.Uniform(min, max);
    }

    private static Duration duration(ConfigNode node) {
        try {
            JsonNode raw = node.raw();
            if (raw.isNumber() && raw.asDouble() >= 0) {
                return DurationText.seconds(raw.asDouble());
            }
            if (raw.isTextual() && !raw.asText().trim().startsWith("-")) {
                return DurationText.parse(raw.asText());
            }
        } catch (IllegalArgumentException e) {
            node.problem(e.getMessage());
            return null;
        }
        node.problem("must be a duration (e.g. 250ms, 2s)");
        return null;
    }

    private Journey.Condition condition(ConfigNode node) {
        if (!node.raw().isObject()) {
            node.problem("must be a condition such as {var: role, equals: admin}, {var: next, exists: true} or {var: x, not_equals: y}");
            return null;
        }
        node.expectObject(CONDITION_FIELDS);
        String variable = node.requiredText("var");
        String equals = node.text("equals", null);
        String notEquals = node.text("not_equals", null);
        Boolean exists = node.bool("exists", null);
        int given = (equals == null ? 0 : 1) + (notEquals == null ? 0 : 1) + (exists == null ? 0 : 1);
        if (given != 1) {
            node.problem("give exactly one of equals, not_equals and exists");
        }
        if (variable != null) {
            afterwards.add(() -> {
                if (!assigned.contains(variable)) {
                    node.problem("var", "no step extracts and no feeder feeds a variable '" + variable + "'");
                }
            });
        }
        return new Journey.Condition(variable, equals, notEquals, exists);
    }

    private Journey.Node request(ConfigNode item, Set<String> defined) {
        if (!item.expectObject(REQUEST_FIELDS)) {
            return null;
        }
        String name = item.requiredText("name");
        if (name != null) {
            stepNames.add(name);
        }
        TemplateCompiler compiler = new TemplateCompiler(null, Set.copyOf(defined));
        HttpMethod method = HttpMethod.valueOf(item.choice("method", HttpMethod.GET.name(),
                Arrays.stream(HttpMethod.values()).map(Enum::name).toList()));
        String path = item.text("path", "");
        if (path.contains(" ")) {
            item.problem("path", "must not contain spaces (encode them as %20)");
        }
        String joined = WorkloadReader.joinPaths(target == null ? "/" : target.basePath(), path);
        String query = target == null ? null : target.rawQuery();
        if (query != null) {
            joined = joined + (joined.contains("?") ? "&" : "?") + query;
        }
        Template requestTarget = compiler.compile(joined, item, "path");
        List<HttpWorkload.Header> headers = new ArrayList<>();
        HeaderRules rules = new HeaderRules(HttpVersion.HTTP_1_1);
        for (Map.Entry<String, String> e : item.textMap("headers").entrySet()) {
            String refusal = rules.refusal(e.getKey(), e.getValue());
            if (refusal != null) {
                item.problem("headers." + e.getKey(), refusal);
            } else {
                headers.add(new HttpWorkload.Header(e.getKey(), compiler.compile(e.getValue(), item, "headers." + e.getKey())));
            }
        }
        String bodyText = item.text("body", null);
        Template body = bodyText == null ? null : compiler.compile(bodyText, item, "body");
        ExpectedStatus expected = new StatusListReader(item, "expect_status").read();
        List<Journey.Check> checks = new ArrayList<>();
        for (ConfigNode check : item.list("checks")) {
            Journey.Check c = check(check, name == null ? "?" : name);
            if (c != null) {
                checks.add(c);
            }
        }
        List<Journey.Extraction> extractions = new ArrayList<>();
        for (ConfigNode extract : item.list("extract")) {
            Journey.Extraction x = extraction(extract);
            if (x != null) {
                extractions.add(x);
                defined.add(x.variable());
                assigned.add(x.variable());
            }
        }
        return new Journey.Request(name, method, requestTarget, headers, body, expected, extractions, checks);
    }

    private Journey.Extraction extraction(ConfigNode node) {
        if (!node.expectObject(EXTRACT_FIELDS)) {
            return null;
        }
        String variable = node.requiredText("name");
        if (variable != null && !VARIABLE.matcher(variable).matches()) {
            node.problem("name", "must be a variable name (letters, digits, _; not starting with a digit)");
            variable = null;
        }
        List<String> sources = List.of("jsonpath", "regex", "header", "cookie").stream().filter(node::has).toList();
        if (sources.size() != 1) {
            node.problem("give exactly one of jsonpath, regex, header and cookie");
            return null;
        }
        String source = sources.get(0);
        String expression = node.requiredText(source);
        String fallback = node.text("default", null);
        if (expression == null) {
            return null;
        }
        JsonPath path = null;
        Pattern regex = null;
        int group = 0;
        switch (source) {
            case "jsonpath" -> path = jsonPath(node, "jsonpath", expression);
            case "regex" -> {
                regex = regex(node, expression);
                if (regex != null) {
                    int groups = regex.matcher("").groupCount();
                    Long g = node.integerAtLeast("group", groups > 0 ? 1L : 0L, 0);
                    group = g == null ? 0 : (int) Math.min(g, Integer.MAX_VALUE);
                    if (group > groups) {
                        node.problem("group", "the expression has " + groups + " group(s)");
                    }
                }
            }
            default -> {
            }
        }
        if (node.has("group") && !"regex".equals(source)) {
            node.problem("group", "only applies to regex");
        }
        if (variable == null || ("jsonpath".equals(source) && path == null) || ("regex".equals(source) && regex == null)) {
            return null;
        }
        return new Journey.Extraction(variable, Journey.Source.valueOf(source.toUpperCase(Locale.ROOT)), expression, path,
                regex, group, fallback);
    }

    private static JsonPath jsonPath(ConfigNode node, String field, String text) {
        try {
            return JsonPath.compile(text);
        } catch (IllegalArgumentException e) {
            node.problem(field, e.getMessage());
            return null;
        }
    }

    private static Pattern regex(ConfigNode node, String text) {
        try {
            return Pattern.compile(text);
        } catch (PatternSyntaxException e) {
            node.problem("regex", "not a valid regular expression: " + e.getDescription() + " near position " + e.getIndex());
            return null;
        }
    }

    private Journey.Check check(ConfigNode node, String step) {
        if (!node.expectObject(CHECK_FIELDS)) {
            return null;
        }
        List<String> kinds = List.of("status", "jsonpath", "body_contains", "header", "response_time_below").stream()
                .filter(node::has).toList();
        if (kinds.size() != 1) {
            node.problem("give exactly one of status, jsonpath (with equals or exists), body_contains, header and response_time_below");
            return null;
        }
        String kind = kinds.get(0);
        String given = node.text("name", null);
        if (!"jsonpath".equals(kind)) {
            for (String f : List.of("equals", "exists")) {
                if (node.has(f)) {
                    node.problem(f, "only applies to a jsonpath check");
                }
            }
        }
        switch (kind) {
            case "status" -> {
                ExpectedStatus ignored = new StatusListReader(node, "status").read();
                List<Integer> statuses = statuses(node.get("status").raw());
                return new Journey.Check(named(given, step + ": status " + statuses), Journey.CheckKind.STATUS, statuses,
                        null, null, false, 0);
            }
            case "jsonpath" -> {
                String text = node.requiredText("jsonpath");
                JsonPath path = text == null ? null : jsonPath(node, "jsonpath", text);
                String equals = node.text("equals", null);
                Boolean exists = node.bool("exists", null);
                if ((equals == null) == (exists == null)) {
                    node.problem("a jsonpath check needs equals: <value> or exists: true|false");
                    return null;
                }
                if (path == null) {
                    return null;
                }
                return equals != null
                        ? new Journey.Check(named(given, step + ": " + text + " = " + equals), Journey.CheckKind.JSONPATH_EQUALS,
                                List.of(), path, equals, false, 0)
                        : new Journey.Check(named(given, step + ": " + text + (exists ? " exists" : " absent")),
                                Journey.CheckKind.JSONPATH_EXISTS, List.of(), path, null, exists, 0);
            }
            case "body_contains" -> {
                String text = node.requiredText("body_contains");
                return text == null ? null : new Journey.Check(named(given, step + ": body contains " + text),
                        Journey.CheckKind.BODY_CONTAINS, List.of(), null, text, false, 0);
            }
            case "header" -> {
                String header = node.requiredText("header");
                return header == null ? null : new Journey.Check(named(given, step + ": header " + header),
                        Journey.CheckKind.HEADER_PRESENT, List.of(), null, header, true, 0);
            }
            default -> {
                Duration limit = node.duration("response_time_below", null);
                return limit == null ? null : new Journey.Check(named(given, step + ": below " + DurationText.format(limit)),
                        Journey.CheckKind.RESPONSE_TIME_BELOW, List.of(), null, null, false, limit.toNanos());
            }
        }
    }

    private static List<Integer> statuses(JsonNode raw) {
        List<Integer> statuses = new ArrayList<>();
        if (raw.isArray()) {
            raw.forEach(v -> {
                if (v.asText().matches("\\d{3}")) {
                    statuses.add(Integer.parseInt(v.asText()));
                }
            });
        } else if (raw.asText().matches("\\d{3}")) {
            statuses.add(Integer.parseInt(raw.asText()));
        }
        return statuses;
    }

    private static String named(String given, String derived) {
        return given != null && !given.isBlank() ? given : derived;
    }
}
