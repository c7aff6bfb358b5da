package dev.benchdeck.driver.ingest;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The messages the driver sends: {@code {id, user_id, channel_id, content, created_at}} as the ingestor takes them,
 * {@code created_at} being the send time (RFC 3339, microseconds). The ingestor's compact queue form
 * ({@code i, u, c, x, t} with {@code t} in epoch microseconds) is there for its Redis stream and Kafka topic.
 */
public final class OutgoingMessages {

    private final MessageIds ids;
    private final String content;

    public OutgoingMessages(MessageIds ids, String contentTemplate) {
        this.ids = ids;
        this.content = contentTemplate;
    }

    public MessageIds ids() {
        return ids;
    }

    public void json(StringBuilder out, long seq, long sendEpochMicros) {
        out.append("{\"id\":\"").append(ids.id(seq)).append("\",\"user_id\":").append(userId(seq))
                .append(",\"channel_id\":").append(channelId(seq)).append(",\"content\":\"");
        JsonStringEncoder.getInstance().quoteAsString(content(seq), out);
        out.append("\",\"created_at\":\"").append(Instant.EPOCH.plus(sendEpochMicros, ChronoUnit.MICROS)).append("\"}");
    }

    public void compact(StringBuilder out, long seq, long sendEpochMicros) {
        out.append("{\"i\":\"").append(ids.id(seq)).append("\",\"u\":").append(userId(seq))
                .append(",\"c\":").append(channelId(seq)).append(",\"x\":\"");
        JsonStringEncoder.getInstance().quoteAsString(content(seq), out);
        out.append("\",\"t\":").append(sendEpochMicros).append('}');
    }

    private String content(long seq) {
        return content.replace("{n}", Long.toString(seq));
    }

    /** Spread over a thousand users and ten channels, like a chat workload. */
    private static long userId(long seq) {
        return seq % 1000 + 1;
    }

    private static long channelId(long seq) {
        return seq % 10 + 1;
    }
}
