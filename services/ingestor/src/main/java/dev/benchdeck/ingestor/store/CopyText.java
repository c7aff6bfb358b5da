package dev.benchdeck.ingestor.store;

import dev.benchdeck.ingestor.message.Message;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Rows in COPY's text format: tab-separated, backslash escapes for backslash, tab, newline and carriage return. */
public final class CopyText {

    private CopyText() {
    }

    public static byte[] encode(List<Message> messages) {
        StringBuilder out = new StringBuilder(messages.size() * 96);
        for (Message m : messages) {
            escape(out, m.id());
            out.append('\t').append(m.userId()).append('\t').append(m.channelId()).append('\t');
            escape(out, m.content());
            out.append('\t').append(m.createdAt()).append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void escape(StringBuilder out, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }
}
