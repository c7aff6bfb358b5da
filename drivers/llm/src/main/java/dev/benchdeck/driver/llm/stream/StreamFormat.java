package dev.benchdeck.driver.llm.stream;

import dev.benchdeck.driver.llm.sse.SseEvent;

/**
 * How one API's event stream is read: which events carry content, where the usage is, what an
 * in-stream error and the end look like. One instance per stream (formats may keep state, e.g. a
 * usage figure that arrives in two parts).
 */
public interface StreamFormat {

    /** Reads one event; a chunk that does not parse is a {@link MalformedStreamException}. */
    StreamReading read(SseEvent event) throws MalformedStreamException;

    /** The format's name in plans: {@code openai-chat}, {@code openai-completions}, {@code anthropic}, {@code sse}. */
    String name();
}
