package dev.benchdeck.mockllm;

/** One provider's SSE frames (each a complete event, ending with a blank line). */
interface StreamFrames {

    /** Sent as soon as the request is accepted, before the first token; may be empty. */
    String opening();

    String content(String text);

    /** After the last content chunk: finish reason, usage and the end marker. */
    String closing(int outputTokens, boolean capped);

    /** An in-stream error; the stream ends right after it. */
    String error(String message);

    String heartbeat();
}
