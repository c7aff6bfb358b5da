package dev.benchdeck.driver.llm.stream;

import dev.benchdeck.driver.llm.sse.SseEvent;
import java.util.Set;

/**
 * Any event stream: every event with data is content (a token or a progress message), except the
 * configured end event (the stream ends there; {@code null}: at the connection's close) and the
 * configured error events.
 */
public final class GenericSseFormat implements StreamFormat {

    private final String endEvent;
    private final Set<String> errorEvents;

    public GenericSseFormat(String endEvent, Set<String> errorEvents) {
        this.endEvent = endEvent;
        this.errorEvents = Set.copyOf(errorEvents);
    }

    @Override
    public String name() {
        return "sse";
    }

    @Override
    public StreamReading read(SseEvent event) {
        if (errorEvents.contains(event.type())) {
            return StreamReading.error(event.type() + ": " + Formats.excerpt(event.data()));
        }
        if (event.type().equals(endEvent)) {
            return StreamReading.END;
        }
        return event.data().isEmpty() ? StreamReading.OTHER : StreamReading.content(event.data());
    }
}
