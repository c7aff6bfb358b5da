package dev.benchdeck.driver.jdbc.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchdeck.engine.plan.ConfigNode;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and checks the plan's {@code workload} section for the jdbc driver, reporting every problem
 * with its path. Parameter files are read now, relative to the working directory, so that a missing
 * file fails validation.
 */
public final class WorkloadReader {

    public static final Set<String> FIELDS = Set.of("driver", "table", "rows", "batch_size", "setup", "teardown",
            "prepared", "statement_timeout", "operation", "mix", "keys", "skew", "range_size", "insert_batch", "sql",
            "params");
    public static final Set<String> PARAM_GENERATORS = Set.of("uniform", "zipfian", "sequence", "file");
    public static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    public static final String DEFAULT_TABLE = "benchdeck_accounts";

    private final ConfigNode workload;

    public WorkloadReader(ConfigNode workload) {
        this.workload = workload;
    }

    /** The workload, or {@code null} when the section is missing (problems reported). */
    public JdbcWorkload read() {
        if (workload.isMissing()) {
            workload.problem("is required");
            return null;
        }
        if (!workload.expectObject(FIELDS)) {
            return null;
        }
        workload.text("driver", "jdbc");
        String table = workload.text("table", DEFAULT_TABLE);
        if (!IDENTIFIER.matcher(table).matches()) {
            workload.problem("table", "must be a lower-case identifier: a letter or _, then letters, digits or _, "
                    + "at most 63 (was '" + table + "')");
        }
        long rows = orDefault(workload.integerAtLeast("rows", JdbcWorkload.DEFAULT_ROWS, JdbcWorkload.MIN_ROWS),
                JdbcWorkload.DEFAULT_ROWS);
        int batchSize = intAtLeast("batch_size", JdbcWorkload.DEFAULT_BATCH_SIZE, 1, Integer.MAX_VALUE);
        SetupMode setup = SetupMode.fromPlanText(workload.choice("setup", "reuse", SetupMode.planTexts()));
        boolean teardown = Boolean.TRUE.equals(workload.bool("teardown", false));
        boolean prepared = Boolean.TRUE.equals(workload.bool("prepared", true));
        Duration statementTimeout = workload.duration("statement_timeout", null);
        if (statementTimeout != null && statementTimeout.toMillis() < 1) {
            workload.problem("statement_timeout", "must be at least 1ms");
        }
        String sql = workload.text("sql", null);
        if (sql != null && sql.isBlank()) {
            workload.problem("sql", "must not be empty");
        }
        Map<OperationKind, Integer> mix = mix(sql != null);
        KeySpec keys = keys();
        int rangeSize = intAtLeast("range_size", JdbcWorkload.DEFAULT_RANGE_SIZE, 1, Integer.MAX_VALUE);
        if (rangeSize > rows) {
            workload.problem("range_size", "must be ≤ rows (" + rows + ")");
        }
        int insertBatch = intAtLeast("insert_batch", JdbcWorkload.DEFAULT_INSERT_BATCH, 1,
                JdbcWorkload.MAX_INSERT_BATCH);
        List<ParamSpec> params = params();
        boolean custom = mix.getOrDefault(OperationKind.CUSTOM, 0) > 0;
        if (sql != null && !custom) {
            workload.problem("sql", "is only used by operation custom (or custom in the mix)");
        }
        if (workload.has("params") && sql == null) {
            workload.problem("params", "go with sql (one generator per ?)");
        }
        return new JdbcWorkload(table, rows, batchSize, setup, teardown, prepared, statementTimeout, mix, keys,
                rangeSize, insertBatch, sql, params);
    }

    private Map<OperationKind, Integer> mix(boolean hasSql) {
        Map<OperationKind, Integer> mix = new LinkedHashMap<>();
        if (workload.has("operation") && workload.has("mix")) {
            workload.problem("mix", "give either operation or mix, not both");
        }
        if (!workload.has("mix")) {
            String text = workload.choice("operation", OperationKind.POINT_SELECT.planText(), OperationKind.planTexts());
            OperationKind kind = OperationKind.fromPlanText(text);
            if (kind == OperationKind.CUSTOM && !hasSql) {
                workload.problem("sql", "is required by operation custom");
            }
            mix.put(kind, 1);
            return mix;
        }
        JsonNode node = workload.raw().get("mix");
        if (!node.isObject() || node.isEmpty()) {
            workload.problem("mix", "must map operation names to weights, e.g. {point_select: 80, update: 20}");
            mix.put(OperationKind.POINT_SELECT, 1);
            return mix;
        }
        ConfigNode mixNode = workload.get("mix");
        int total = 0;
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!OperationKind.planTexts().contains(name)) {
                mixNode.problem(name, "unknown operation (known: " + String.join(", ", OperationKind.planTexts()) + ")");
                continue;
            }
            Long weight = mixNode.integerAtLeast(name, 0L, 0);
            if (weight != null && weight > 1_000_000) {
                mixNode.problem(name, "must be ≤ 1000000");
                continue;
            }
            int w = weight == null ? 0 : (int) Math.max(0, weight);
            OperationKind kind = OperationKind.fromPlanText(name);
            if (kind == OperationKind.CUSTOM && w > 0 && !hasSql) {
                mixNode.problem(name, "custom needs workload.sql");
            }
            mix.put(kind, w);
            total += w;
        }
        if (total == 0) {
            workload.problem("mix", "needs at least one operation with a weight above 0");
        }
        return mix;
    }

    private KeySpec keys() {
        String keys = workload.choice("keys", "uniform", List.of("uniform", "zipfian"));
        Double skew = workload.number("skew", null);
        if (skew != null && !"zipfian".equals(keys)) {
            workload.problem("skew", "only applies to keys: zipfian");
        }
        double s = skew == null ? KeySpec.DEFAULT_SKEW : skew;
        if (skew != null && !(skew > 0 && skew <= KeySpec.MAX_SKEW)) {
            workload.problem("skew", "must be above 0 and at most " + (int) KeySpec.MAX_SKEW + " (e.g. 0.99)");
            s = KeySpec.DEFAULT_SKEW;
        }
        return new KeySpec("zipfian".equals(keys), s);
    }

    private List<ParamSpec> params() {
        List<ParamSpec> params = new ArrayList<>();
        for (ConfigNode param : workload.list("params")) {
            ParamSpec spec = param(param);
            if (spec != null) {
                params.add(spec);
            }
        }
        return params;
    }

    private ParamSpec param(ConfigNode param) {
        JsonNode raw = param.raw();
        List<String> generators = new ArrayList<>();
        if (raw.isObject()) {
            raw.fieldNames().forEachRemaining(name -> {
                if (PARAM_GENERATORS.contains(name)) {
                    generators.add(name);
                }
            });
        }
        if (!raw.isObject() || generators.size() != 1) {
            param.problem("must have exactly one of uniform: [min, max], zipfian: [min, max], sequence: start, "
                    + "file: path");
            return null;
        }
        String generator = generators.get(0);
        param.expectObject(switch (generator) {
            case "zipfian" -> Set.of("zipfian", "skew");
            case "file" -> Set.of("file", "column");
            default -> Set.of(generator);
        });
        return switch (generator) {
            case "uniform" -> {
                long[] range = range(param, "uniform");
                yield range == null ? null : new ParamSpec.Uniform(range[0], range[1]);
            }
            case "zipfian" -> {
                long[] range = range(param, "zipfian");
                Double skew = param.number("skew", KeySpec.DEFAULT_SKEW);
                if (skew != null && !(skew > 0 && skew <= KeySpec.MAX_SKEW)) {
                    param.problem("skew", "must be above 0 and at most " + (int) KeySpec.MAX_SKEW + " (e.g. 0.99)");
                    yield null;
                }
                yield range == null ? null : new ParamSpec.Zipfian(range[0], range[1], skew);
            }
            case "sequence" -> {
                Long start = param.integer("sequence", null);
                yield start == null ? null : new ParamSpec.Sequence(start);
            }
            default -> fromFile(param);
        };
    }

    private static long[] range(ConfigNode param, String field) {
        List<ConfigNode> bounds = param.list(field);
        if (bounds.size() != 2 || !bounds.get(0).raw().isIntegralNumber() || !bounds.get(1).raw().isIntegralNumber()) {
            param.problem(field, "must be [min, max], two whole numbers");
            return null;
        }
        long min = bounds.get(0).raw().asLong();
        long max = bounds.get(1).raw().asLong();
        if (min > max) {
            param.problem(field, "min must be ≤ max (was [" + min + ", " + max + "])");
            return null;
        }
        return new long[] {min, max};
    }

    private static ParamSpec fromFile(ConfigNode param) {
        String file = param.requiredText("file");
        String column = param.text("column", null);
        if (file == null || file.isBlank()) {
            return null;
        }
        List<String> texts;
        try {
            texts = ColumnFile.read(Path.of(file), column);
        } catch (NoSuchFileException e) {
            param.problem("file", "no such file: " + file);
            return null;
        } catch (IOException e) {
            param.problem(column == null ? "file" : "column", file + " " + e.getMessage());
            return null;
        }
        if (texts.isEmpty()) {
            param.problem("file", file + " has no values");
            return null;
        }
        boolean numbers = texts.stream().allMatch(t -> t.matches("-?\\d{1,18}"));
        List<Object> values = new ArrayList<>(texts.size());
        for (String text : texts) {
            values.add(numbers ? (Object) Long.parseLong(text) : text);
        }
        return new ParamSpec.FromFile(file, column, values);
    }

    private int intAtLeast(String field, int defaultValue, int min, int max) {
        Long value = workload.integerAtLeast(field, (long) defaultValue, min);
        if (value != null && value > max) {
            workload.problem(field, "must be ≤ " + max);
            return defaultValue;
        }
        return value == null || value < min ? defaultValue : value.intValue();
    }

    private static long orDefault(Long value, long defaultValue) {
        return value == null ? defaultValue : value;
    }
}
