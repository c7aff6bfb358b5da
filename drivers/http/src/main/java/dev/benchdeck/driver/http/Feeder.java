package dev.benchdeck.driver.http;

import dev.benchdeck.driver.http.template.DataRows;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;

/**
 * A journey's source of per-iteration data (a CSV or JSON Lines file): each iteration takes one row, whose columns
 * become the user's variables. {@code circular} goes round the rows in order, {@code random} draws one uniformly, and
 * {@code unique} hands each row out once, over all users: when none is left, the user stops.
 */
public final class Feeder {

    public enum Strategy { CIRCULAR, RANDOM, UNIQUE }

    private final String file;
    private final List<String> columns;
    private final String[][] rows;
    private final Strategy strategy;
    private final AtomicLong next = new AtomicLong();

    public Feeder(String file, List<String> columns, String[][] rows, Strategy strategy) {
        this.file = file;
        this.columns = List.copyOf(columns);
        this.rows = rows;
        this.strategy = strategy;
    }

    public static Feeder of(String file, DataRows data, Strategy strategy) {
        String[][] rows = new String[data.size()][];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = new String[data.columns().size()];
            for (int c = 0; c < rows[r].length; c++) {
                rows[r][c] = new String(data.value(r, c), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        return new Feeder(file, data.columns(), rows, strategy);
    }

    public List<String> columns() {
        return columns;
    }

    /** The next row as column → value, or {@code null} when a unique feeder has handed out every row. */
    public Map<String, String> next(RandomGenerator random) {
        int row = switch (strategy) {
            case CIRCULAR -> (int) Math.floorMod(next.getAndIncrement(), (long) rows.length);
            case RANDOM -> random.nextInt(rows.length);
            case UNIQUE -> {
                long n = next.getAndIncrement();
                yield n < rows.length ? (int) n : -1;
            }
        };
        if (row < 0) {
            return null;
        }
        Map<String, String> values = new HashMap<>();
        for (int c = 0; c < columns.size(); c++) {
            values.put(columns.get(c), rows[row][c]);
        }
        return values;
    }

    /** Why a user stopped when {@link #next} gave nothing. */
    public String exhausted() {
        return "feeder " + file + " (unique) has no rows left: all " + rows.length + " were used";
    }
}
