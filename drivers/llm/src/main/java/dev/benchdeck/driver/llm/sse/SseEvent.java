package dev.benchdeck.driver.llm.sse;

/**
 * One dispatched server-sent event: its type ({@code message} unless an {@code event:} field said
 * otherwise), its data (the {@code data:} lines joined with LF), and the last event id seen so far.
 */
public record SseEvent(String type, String data, String lastEventId) {

    public static final String DEFAULT_TYPE = "message";
}
