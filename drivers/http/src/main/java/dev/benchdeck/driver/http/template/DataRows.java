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
    /** How many shards number requests in turn: request {@code n} is this shard's {@code n / stride}-th. */
    private final int stride;

    private DataRows(List<String> columns, byte[][][] rows, int stride) {
        this.columns = columns;
        this.rows = rows;
        this.stride = stride;
    }

    /** @param rows each row's values in column order; a missing value is an empty text */
    public DataRows(List<String> columns, List<List<String>> rows) {
        this.columns = List.copyOf(columns);
        this.stride = 1;
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

    /**
     * The rows a shard of a distributed run owns (positions {@code index} modulo {@code count}), so that no two agents
     * send the same row; it uses them in turn by its own request count. Empty when there are fewer rows than shards.
     */
    public DataRows shard(dev.benchdeck.engine.shard.Shard shard) {
        if (shard.isWhole()) {
            return this;
        }
        java.util.List<byte[][]> owned = new java.util.ArrayList<>();
        for (int r = 0; r < rows.length; r++) {
            if (shard.owns(r)) {
                owned.add(rows[r]);
            }
        }
        return new DataRows(columns, owned.toArray(new byte[0][][]), shard.count());
    }

    public byte[] value(long sequence, int column) {
        return rows[(int) Math.floorMod(sequence / stride, (long) rows.length)][column];
    }
}
