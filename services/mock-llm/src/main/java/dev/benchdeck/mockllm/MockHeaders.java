package dev.benchdeck.mockllm;

import com.sun.net.httpserver.Headers;
import java.util.OptionalLong;

/** Per-request overrides: {@code X-Mock-*} headers win over the global config, with no jitter. */
final class MockHeaders {

    static final String TTFT_MS = "X-Mock-TTFT-Ms";
    static final String ITL_MS = "X-Mock-ITL-Ms";
    static final String TOKENS = "X-Mock-Tokens";
    static final String TOKENS_PER_CHUNK = "X-Mock-Tokens-Per-Chunk";
    static final String HEARTBEAT_MS = "X-Mock-Heartbeat-Ms";
    static final String STALL_MS = "X-Mock-Stall-Ms";
    static final String FAULT = "X-Mock-Fault";
    static final String RUN_MS = "X-Mock-Run-Ms";

    private MockHeaders() {
    }

    /** The header's value as a number of at least {@code min}; absent is empty, anything else a bad request. */
    static OptionalLong number(Headers headers, String name, long min) {
        String value = headers.getFirst(name);
        if (value == null) {
            return OptionalLong.empty();
        }
        try {
            long number = Long.parseLong(value.strip());
            if (number >= min && number <= Integer.MAX_VALUE) {
                return OptionalLong.of(number);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw RefusedRequest.badRequest(name + " must be a whole number from " + min + " to " + Integer.MAX_VALUE + ", got '" + value + "'");
    }
}
