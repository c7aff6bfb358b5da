package dev.benchdeck.mockllm;

import java.util.Locale;

/** How a request ended, as counted in {@code /mock/stats}. */
enum Outcome {
    COMPLETED,
    RATE_LIMITED,
    SERVER_ERROR,
    ERROR_EVENT,
    DROPPED,
    /** Counted in addition to the stream's end. */
    STALLED,
    CLIENT_DISCONNECTED,
    BAD_REQUEST,
    NOT_FOUND,
    /** Sync and SSE runs count when they end. */
    AUTOMATION_COMPLETED,
    AUTOMATION_FAILED,
    /** Async runs count when started (202); their status polls apart. */
    AUTOMATION_STARTED,
    AUTOMATION_POLLED,
    CONTROL;

    String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
