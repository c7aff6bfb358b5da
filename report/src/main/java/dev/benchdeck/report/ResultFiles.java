package dev.benchdeck.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.benchdeck.engine.result.ResultJson;
import dev.benchdeck.engine.result.RunResult;
import dev.benchdeck.engine.result.RunStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads result JSON (what {@code benchdeck run --out} writes) into a {@link ReportRun}, tolerantly: fields
 * the engine's result does not have are read where they mean something to reports ({@code labels},
 * {@code plan_yaml}, {@code driver}, a server state such as {@code running} in {@code status}) and
 * otherwise ignored, so that files from newer versions still make a report.
 */
public final class ResultFiles {

    private static final ObjectMapper TOLERANT = ResultJson.mapper().copy()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private ResultFiles() {
    }

    /** The run in {@code file}, named by the file's name. */
    public static ReportRun read(Path file) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        try (InputStream in = Files.newInputStream(file)) {
            return read(name, in);
        } catch (NoSuchFileException e) {
            throw new ReportInputException(file + ": no such file");
        } catch (IOException e) {
            throw new ReportInputException(file + ": cannot read it (" + e.getMessage() + ")", e);
        }
    }

    /** The run in {@code json}, named {@code name} in messages and reports. */
    public static ReportRun read(String name, InputStream json) throws IOException {
        JsonNode tree;
        try {
            tree = TOLERANT.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ReportInputException(name + ": not JSON (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage() + ")", e);
        }
        if (tree == null || !tree.isObject() || !tree.path("steps").isArray()) {
            throw new ReportInputException(name + ": not a Benchdeck result (no \"steps\" list); write one with"
                    + " `benchdeck run plan.yaml --out result.json`");
        }
        ObjectNode object = (ObjectNode) tree;
        String state = object.path("status").asText("unknown").toLowerCase(Locale.ROOT);
        if (!isRunStatus(state)) {
            // a server state the engine's result has no value for (running, interrupted…): the figures so far, as a cancelled run has
            object.put("status", "cancelled");
        }
        RunResult result;
        try {
            result = TOLERANT.treeToValue(object, RunResult.class);
        } catch (JsonProcessingException e) {
            throw new ReportInputException(name + ": not a Benchdeck result (" + e.getOriginalMessage() + ")", e);
        }
        return new ReportRun(name, result, state, text(object, "plan_yaml", "plan_text"), text(object, "driver"),
                labels(object.path("labels")));
    }

    private static boolean isRunStatus(String state) {
        return Arrays.stream(RunStatus.values()).anyMatch(s -> s.name().equalsIgnoreCase(state));
    }

    private static @Nullable String text(JsonNode object, String... names) {
        for (String name : names) {
            JsonNode value = object.get(name);
            if (value != null && value.isTextual()) {
                return value.asText();
            }
        }
        return null;
    }

    /** Labels as an object of strings, or a list of {@code key=value} strings; anything else counts as none. */
    private static Map<String, String> labels(JsonNode node) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (node.isObject()) {
            node.properties().forEach(e -> {
                if (e.getValue().isValueNode() && !e.getValue().isNull()) {
                    labels.put(e.getKey(), e.getValue().asText());
                }
            });
        } else if (node.isArray()) {
            node.forEach(item -> {
                String text = item.asText("");
                int eq = text.indexOf('=');
                if (eq > 0) {
                    labels.put(text.substring(0, eq), text.substring(eq + 1));
                }
            });
        }
        return labels;
    }
}
