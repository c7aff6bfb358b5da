package dev.benchdeck.driver.llm.sse;

import java.nio.charset.StandardCharsets;

/**
 * An incremental parser for {@code text/event-stream} following the WHATWG rules: lines end with
 * CRLF, LF or CR (a CRLF split across two reads counts once); a blank line dispatches the event;
 * {@code data:} lines accumulate; {@code event:}, {@code id:} (ignored if it contains NUL) and
 * {@code retry:} (digits only) fields; lines starting with {@code :} are comments; one space after
 * the colon is dropped; a leading UTF-8 BOM is skipped; an event not ended by a blank line when the
 * stream closes is discarded. Bytes may be fed split anywhere, even inside a UTF-8 character: lines
 * are cut on CR/LF bytes, which never occur inside a multi-byte character, and decoded whole.
 * Not thread-safe; one parser per stream.
 */
public final class SseParser {

    /** What the parser found; called from {@link #feed}, so the caller knows the arrival time. */
    public interface Listener {

        void event(SseEvent event);

        /** A comment line (often a heartbeat), without its leading colon. */
        default void comment(String text) {
        }

        /** A valid {@code retry:} field, in milliseconds. */
        default void retry(long millis) {
        }
    }

    private static final byte CR = '\r';
    private static final byte LF = '\n';
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final Listener listener;
    /** The current line's bytes so far: copied a run at a time, not byte by byte (the hot spot at 100,000 events/s). */
    private byte[] line = new byte[256];
    private int lineLength;
    private final StringBuilder data = new StringBuilder();
    private String eventType = "";
    private String lastEventId = "";
    private boolean hasData;
    private boolean afterCr;
    private int bomChecked;
    private boolean bomPossible = true;

    public SseParser(Listener listener) {
        this.listener = listener;
    }

    public void feed(byte[] bytes) {
        feed(bytes, 0, bytes.length);
    }

    public void feed(byte[] bytes, int offset, int length) {
        int end = offset + length;
        int i = offset;
        while (i < end) {
            byte b = bytes[i];
            if (bomPossible) {
                if (b == BOM[bomChecked]) {
                    if (++bomChecked == BOM.length) {
                        bomPossible = false;
                    }
                    i++;
                    continue;
                }
                // not a BOM after all: the bytes held back are part of the first line
                append(BOM, 0, bomChecked);
                bomPossible = false;
            }
            if (b == LF && afterCr) {
                afterCr = false;
                i++;
                continue;
            }
            afterCr = false;
            if (b == CR || b == LF) {
                afterCr = b == CR;
                endOfLine();
                i++;
                continue;
            }
            int start = i;
            while (i < end && bytes[i] != CR && bytes[i] != LF) {
                i++;
            }
            append(bytes, start, i - start);
        }
    }

    private void append(byte[] bytes, int offset, int length) {
        if (lineLength + length > line.length) {
            line = java.util.Arrays.copyOf(line, Math.max(line.length * 2, lineLength + length));
        }
        System.arraycopy(bytes, offset, line, lineLength, length);
        lineLength += length;
    }

    /** The stream closed: a partly received event is discarded, as the standard says. */
    public void end() {
        lineLength = 0;
        data.setLength(0);
        hasData = false;
        eventType = "";
    }

    /** The id of the last event that set one, for a reconnect's {@code Last-Event-ID}. */
    public String lastEventId() {
        return lastEventId;
    }

    private void endOfLine() {
        if (lineLength == 0) {
            dispatch();
            return;
        }
        String text = new String(line, 0, lineLength, StandardCharsets.UTF_8);
        lineLength = 0;
        if (text.charAt(0) == ':') {
            listener.comment(text.substring(1).startsWith(" ") ? text.substring(2) : text.substring(1));
            return;
        }
        int colon = text.indexOf(':');
        String field = colon < 0 ? text : text.substring(0, colon);
        String value = colon < 0 ? "" : text.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        switch (field) {
            case "data" -> {
                data.append(value).append('\n');
                hasData = true;
            }
            case "event" -> eventType = value;
            case "id" -> {
                if (value.indexOf('\0') < 0) {
                    lastEventId = value;
                }
            }
            case "retry" -> {
                if (!value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
                    try {
                        listener.retry(Long.parseLong(value));
                    } catch (NumberFormatException tooLong) {
                        // more digits than a long holds: ignored like any invalid retry
                    }
                }
            }
            default -> {
                // unknown fields are ignored
            }
        }
    }

    private void dispatch() {
        if (!hasData) {
            eventType = "";
            return;
        }
        data.setLength(data.length() - 1); // the LF after the last data line
        SseEvent event = new SseEvent(eventType.isEmpty() ? SseEvent.DEFAULT_TYPE : eventType, data.toString(), lastEventId);
        data.setLength(0);
        hasData = false;
        eventType = "";
        listener.event(event);
    }
}
