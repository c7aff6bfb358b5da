package dev.benchdeck.driver.jdbc.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** What one operation of a jdbc workload does, as plans name it ({@code point_select}, {@code update}…). */
public enum OperationKind {
    /** {@code SELECT balance FROM t WHERE id = ?}, one existing id. */
    POINT_SELECT,
    /** {@code SELECT id, balance FROM t WHERE id BETWEEN ? AND ?}: {@code range_size} consecutive ids. */
    RANGE_SCAN,
    /** One new row, with an id after every existing one. */
    INSERT,
    /** {@code insert_batch} new rows in one multi-row INSERT. */
    BATCH_INSERT,
    /** {@code UPDATE t SET balance = balance + ? WHERE id = ?}, one existing id. */
    UPDATE,
    /** Deletes a row this run inserted, else a random existing id. */
    DELETE,
    /** The workload's own {@code sql} with its parameter generators. */
    CUSTOM;

    public String planText() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static List<String> planTexts() {
        return Arrays.stream(values()).map(OperationKind::planText).toList();
    }

    public static OperationKind fromPlanText(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }
}
