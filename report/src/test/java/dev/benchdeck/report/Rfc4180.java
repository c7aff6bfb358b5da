package dev.benchdeck.report;

import java.util.ArrayList;
import java.util.List;

/** A strict RFC 4180 reader for the tests: CRLF records, quoted fields with doubled quotes. */
public final class Rfc4180 {

    private Rfc4180() {
    }

    public static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int i = 0;
        boolean quoted = false;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i += 2;
                    continue;
                }
                if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && cell.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else if (c == '\n' || c == '\r' || c == '"') {
                throw new IllegalArgumentException("not RFC 4180 at " + i + ": " + (int) c);
            } else {
                cell.append(c);
            }
            i++;
        }
        if (quoted || !cell.isEmpty() || !row.isEmpty()) {
            throw new IllegalArgumentException("the last record does not end with CRLF");
        }
        return rows;
    }
}
