package dev.benchdeck.gateway.provider;

import io.netty.buffer.ByteBuf;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Splits a text/event-stream body into events as bytes arrive: {@code event:} and {@code data:} lines
 * (several data lines joined with a newline), comments skipped, a blank line ends an event; LF, CRLF and
 * CR line ends. Not thread-safe: one decoder per response, fed from its event loop.
 */
final class SseDecoder {

    /** Hears each complete event; {@code type} is {@code message} when the event named none. */
    interface Listener {
        void event(String type, String data);
    }

    private static final int MAX_LINE = 1 << 20;

    private final Listener listener;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    private final StringBuilder data = new StringBuilder();
    private String type;
    private boolean hasData;
    private boolean lastWasCr;

    SseDecoder(Listener listener) {
        this.listener = listener;
    }

    /** Feeds bytes; throws {@link IllegalStateException} for a line over 1 MiB. */
    void feed(ByteBuf bytes) {
        while (bytes.isReadable()) {
            byte b = bytes.readByte();
            if (b == '\n' && lastWasCr) {
                lastWasCr = false;
                continue;
            }
            lastWasCr = b == '\r';
            if (b == '\n' || b == '\r') {
                line(line.toString(StandardCharsets.UTF_8));
                line.reset();
            } else {
                if (line.size() >= MAX_LINE) {
                    throw new IllegalStateException("an event-stream line is longer than 1 MiB");
                }
                line.write(b);
            }
        }
    }

    private void line(String text) {
        if (text.isEmpty()) {
            if (hasData || type != null) {
                listener.event(type == null ? "message" : type, data.toString());
            }
            data.setLength(0);
            type = null;
            hasData = false;
            return;
        }
        if (text.charAt(0) == ':') {
            return;
        }
        int colon = text.indexOf(':');
        String field = colon < 0 ? text : text.substring(0, colon);
        String value = colon < 0 ? "" : text.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        if (field.equals("data")) {
            if (hasData) {
                data.append('\n');
            }
            data.append(value);
            hasData = true;
        } else if (field.equals("event")) {
            type = value;
        }
    }
}
