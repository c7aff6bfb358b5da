package dev.benchdeck.driver.http.template;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The rows of a workload's data file, kept as UTF-8 bytes so that templates copy them without
 * encoding; request {@code n} uses row {@code n mod rows} (round-robin by sequence).
 */
public final class DataRows {

    private final List<String> columns;
    private final byte[][][] rows;

    /** @param rows each row's values in column order; a missing value is an empty text */
    public DataRows(List<String> columns, List<List<String>> rows) {
        this.columns = List.copyOf(columns);
        this.rows = new byte[rows.size()][][];
        for (int r = 0; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            this.rows[r] = new byte[columns.size()][];
            for (int c = 0; c < columns.size(); c++) {
                String value = c < row.size() && row.get(c) != null ? row.get(c) : "";
                this.rows[r][c] = value.getBytes(StandardCharsets.UTF_8);
            }
        }
    }

    public List<String> columns() {
        return columns;
    }

    public int size() {
        return rows.length;
    }

    /** The column's position, or -1 when the file has no such column. */
    public int columnIndex(String column) {
        return columns.indexOf(column);
    }

    public byte[] value(long sequence, int column) {
        return rows[(int) Math.floorMod(sequence, (long) rows.length)][column];
    }
}
