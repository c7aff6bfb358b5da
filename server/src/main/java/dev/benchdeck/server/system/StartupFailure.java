package dev.benchdeck.server.system;

import dev.benchdeck.embeddedpg.EmbeddedPostgres;
import org.springframework.boot.SpringBootExceptionReporter;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.core.Ordered;

/**
 * Why the server could not start, in one line for the console ({@code benchdeck serve}) instead of
 * Spring's report and stack traces. As a {@link SpringBootExceptionReporter} it takes the failure
 * over only when {@link #oneLine()} was asked for (the launcher's main does, unless {@code --debug}).
 */
public final class StartupFailure implements SpringBootExceptionReporter, Ordered {

    private static volatile boolean oneLine;

    /** From now on a failed start is reported by the caller, in one line, not logged with its stack trace. */
    public static void oneLine() {
        oneLine = true;
    }

    @Override
    public boolean reportException(Throwable failure) {
        return oneLine;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    /** The reason, one line: the embedded database's own message, a port in use, else the innermost message. */
    public static String reason(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof EmbeddedPostgres.StartFailure start) {
                return firstLine(start.getMessage());
            }
            if (t instanceof PortInUseException inUse) {
                return "port " + inUse.getPort() + " is already in use (another server runs there); start with --server.port=<another port>";
            }
        }
        if (DatabaseOutage.isCause(failure)) {
            return "cannot reach the database: " + DatabaseOutage.describe(failure);
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return firstLine(root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage());
    }

    private static String firstLine(String message) {
        return message.lines().findFirst().orElse("").strip();
    }
}
