package dev.benchdeck.driver.jdbc.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads parameter values from a file: one column of a CSV file with a header row (fields may be
 * double-quoted, {@code ""} inside quotes is a quote), or, without a column, every non-empty line.
 */
final class ColumnFile {

    private ColumnFile() {
    }

    /** The column's values as texts; throws with a message for a person when the file or column is unusable. */
    static List<String> read(Path file, String column) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> values = new ArrayList<>();
        if (column == null) {
            for (String line : lines) {
                if (!line.isBlank()) {
                    values.add(line.strip());
                }
            }
            return values;
        }
        if (lines.isEmpty()) {
            throw new IOException("is empty (a CSV file needs a header row)");
        }
        List<String> header = fields(lines.get(0));
        int index = header.indexOf(column);
        if (index < 0) {
            throw new IOException("has no column '" + column + "' (columns: " + String.join(", ", header) + ")");
        }
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            List<String> row = fields(lines.get(i));
            if (index >= row.size()) {
                throw new IOException("line " + (i + 1) + " has no value for column '" + column + "'");
            }
            values.add(row.get(index));
        }
        return values;
    }

    static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString().strip());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString().strip());
        return fields;
    }
}
