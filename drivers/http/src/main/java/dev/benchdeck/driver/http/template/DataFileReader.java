package dev.benchdeck.driver.http.template;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.benchdeck.engine.plan.ConfigNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a workload's {@code data_file}: CSV with a header row (RFC 4180 quoting), or JSON Lines
 * ({@code .jsonl}/{@code .ndjson}, one object per line). Problems are reported on the field.
 */
public final class DataFileReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ConfigNode node;
    private final String field;

    public DataFileReader(ConfigNode node, String field) {
        this.node = node;
        this.field = field;
    }

    /** The rows of the file, or {@code null} after reporting why it cannot be used. */
    public DataRows read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            node.problem(field, "no such file: " + file);
            return null;
        } catch (IOException e) {
            node.problem(field, "cannot read " + file + ": " + e.getMessage());
            return null;
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        DataRows rows = name.endsWith(".jsonl") || name.endsWith(".ndjson") ? jsonLines(text) : csv(text);
        if (rows != null && rows.size() == 0) {
            node.problem(field, file + " has no data rows");
            return null;
        }
        if (rows != null && rows.size() < node.shard().count()) {
            node.problem(field, file + " has " + rows.size() + " data rows, fewer than the " + node.shard().count()
                    + " agents sharing them (each gets rows of its own)");
            return null;
        }
        return rows == null ? null : rows.shard(node.shard());
    }

    private DataRows csv(String text) {
        List<List<String>> records = CsvRecords.parse(text);
        if (records.isEmpty()) {
            return new DataRows(List.of(), List.of());
        }
        List<String> header = records.get(0);
        boolean ragged = false;
        for (int i = 1; i < records.size(); i++) {
            if (records.get(i).size() != header.size()) {
                node.problem(field, "record " + (i + 1) + " has " + records.get(i).size()
                        + " values but the header has " + header.size());
                ragged = true;
            }
        }
        if (ragged) {
            return null;
        }
        return new DataRows(header, records.subList(1, records.size()));
    }

    private DataRows jsonLines(String text) {
        List<String> columns = new ArrayList<>();
        List<Map<String, String>> objects = new ArrayList<>();
        boolean broken = false;
        String[] lines = text.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            Map<String, String> values = jsonObject(lines[i], i + 1);
            if (values == null) {
                broken = true;
                continue;
            }
            values.keySet().stream().filter(k -> !columns.contains(k)).forEach(columns::add);
            objects.add(values);
        }
        if (broken) {
            return null;
        }
        List<List<String>> rows = objects.stream()
                .map(values -> columns.stream().map(c -> values.getOrDefault(c, "")).toList())
                .toList();
        return new DataRows(columns, rows);
    }

    private Map<String, String> jsonObject(String line, int lineNumber) {
        JsonNode tree;
        try {
            tree = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            node.problem(field, "line " + lineNumber + ": not valid JSON (" + e.getOriginalMessage() + ")");
            return null;
        }
        if (!tree.isObject()) {
            node.problem(field, "line " + lineNumber + ": must be a JSON object");
            return null;
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : tree.properties()) {
            JsonNode v = e.getValue();
            // nested values are passed on as JSON, so a body template can embed them
            values.put(e.getKey(), v.isNull() ? "" : v.isValueNode() ? v.asText() : v.toString());
        }
        return values;
    }
}
