package dev.benchdeck.driver.jdbc.check;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a query check found: how long the statement took ({@code millis}, including reading up to
 * {@value QueryCheck#ROW_CAP} rows), how many rows it returned or changed ({@code rows};
 * {@code rowsCapped} when more were there), the result's {@code columns}, and the {@code EXPLAIN}
 * plan ({@code null} for statements PostgreSQL does not plan, such as DDL). On failure
 * {@code errorClass}, {@code sqlState} and {@code message}; for syntax errors {@code position} is
 * the 1-based character of the statement where PostgreSQL stopped.
 */
public record QueryReport(boolean ok, @Nullable Double millis, @Nullable Long rows, boolean rowsCapped, List<String> columns,
                          @Nullable String plan, @Nullable String errorClass, @Nullable String sqlState,
                          @Nullable String message, @Nullable Integer position) {

    public QueryReport {
        columns = columns == null ? List.of() : List.copyOf(columns);
    }

    static QueryReport failure(String errorClass, String sqlState, String message, Integer position, String plan) {
        return new QueryReport(false, null, null, false, List.of(), plan, errorClass, sqlState, message, position);
    }
}
