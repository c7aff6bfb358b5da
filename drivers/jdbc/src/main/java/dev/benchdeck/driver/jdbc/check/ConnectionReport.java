package dev.benchdeck.driver.jdbc.check;

import java.util.List;

/**
 * What a connection check found. {@code ok}: the login worked and the server answered (a missing
 * CREATE privilege is a warning, shown by {@code canCreateTable}). {@code roundTripMillis} is the
 * median of {@value ConnectionCheck#ROUND_TRIPS} {@code select 1} round trips. On failure
 * {@code errorClass} (see {@link CheckErrors}) and {@code message} say what went wrong and what to
 * change; fields not reached are {@code null}.
 */
public record ConnectionReport(boolean ok, String serverVersion, Double roundTripMillis, Boolean canCreateTable,
                               String user, String database, String schema, String errorClass, String message,
                               List<CheckStep> steps) {

    public ConnectionReport {
        steps = List.copyOf(steps);
    }
}
