package dev.benchdeck.driver.http.template;

import java.util.ArrayList;
import java.util.List;

/** Splits CSV text into records (RFC 4180: quoted fields may hold commas, quotes and line breaks). */
final class CsvRecords {

    private CsvRecords() {
    }

    /** The non-blank records of {@code text}, each a list of its field values. */
    public static List<List<String>> parse(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder value = new StringBuilder();
        boolean quoted = false;
        boolean sawAnything = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    value.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    value.append(c);
                }
                continue;
            }
            switch (c) {
                case '"' -> {
                    quoted = true;
                    sawAnything = true;
                }
                case ',' -> {
                    record.add(value.toString());
                    value.setLength(0);
                    sawAnything = true;
                }
                case '\r' -> { }
                case '\n' -> {
                    endRecord(records, record, value, sawAnything);
                    record = new ArrayList<>();
                    sawAnything = false;
                }
                default -> {
                    value.append(c);
                    sawAnything = true;
                }
            }
        }
        endRecord(records, record, value, sawAnything);
        return records;
    }

    private static void endRecord(List<List<String>> records, List<String> record, StringBuilder value, boolean sawAnything) {
        if (sawAnything) {
            record.add(value.toString());
            records.add(record);
        }
        value.setLength(0);
    }
}
