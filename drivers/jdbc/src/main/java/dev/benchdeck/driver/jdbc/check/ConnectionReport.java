package dev.benchdeck.driver.jdbc.check;

import dev.benchdeck.engine.driver.TargetCheck;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a connection check found. {@code ok}: the login worked and the server answered (a missing
 * CREATE privilege is a warning, shown by {@code canCreateTable}). {@code roundTripMillis} is the
 * median of {@value ConnectionCheck#ROUND_TRIPS} {@code select 1} round trips. On failure
 * {@code errorClass} (see {@link CheckErrors}) and {@code message} say what went wrong and what to
 * change; fields not reached are {@code null}.
 */
public record ConnectionReport(boolean ok, @Nullable String serverVersion, @Nullable Double roundTripMillis,
                               @Nullable Boolean canCreateTable, @Nullable String user, @Nullable String database,
                               @Nullable String schema, @Nullable String errorClass, @Nullable String message,
                               List<CheckStep> steps) implements TargetCheck.Report {

    public ConnectionReport {
        steps = List.copyOf(steps);
    }
}
