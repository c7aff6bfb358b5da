package dev.benchdeck.server.run;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.benchdeck.engine.result.RunStatus;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The states of a run as stored and shown (lower case in JSON and in the database):
 * queued → running → completed | failed | cancelled | interrupted.
 */
public enum RunState {
    QUEUED, RUNNING, COMPLETED, FAILED, CANCELLED, INTERRUPTED;

    /** The accepted values, for messages: {@code queued, running, …}. */
    public static final String VALUES = Arrays.stream(values()).map(RunState::value).collect(Collectors.joining(", "));

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the run has ended (every state but queued and running). */
    public boolean finished() {
        return this != QUEUED && this != RUNNING;
    }

    public static Optional<RunState> parse(String value) {
        return Arrays.stream(values()).filter(s -> s.value().equals(value)).findFirst();
    }

    /** A run stopped by its plan's deadline has completed (its failure says why it ended early). */
    static RunState of(RunStatus engineStatus) {
        return switch (engineStatus) {
            case COMPLETED, TIMED_OUT -> COMPLETED;
            case CANCELLED -> CANCELLED;
            case FAILED -> FAILED;
        };
    }

    @Override
    public String toString() {
        return value();
    }
}
