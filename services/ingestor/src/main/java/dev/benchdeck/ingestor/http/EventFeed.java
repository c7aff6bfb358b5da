package dev.benchdeck.ingestor.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.benchdeck.ingestor.message.Message;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.function.Supplier;

/**
 * GET /events (SSE): every 500 ms an {@code event: stats} with what GET /stats says, an {@code event: messages}
 * with the newest stored messages since the last one (at most {@value #MAX_MESSAGES}, newest first, plus how many
 * there were), and {@code event: simulation} for each simulation that moved. A slow client is skipped, not waited for.
 */
public final class EventFeed {

    static final int MAX_MESSAGES = 50;

    private final ChannelGroup listeners = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final ArrayDeque<JsonNode> fresh = new ArrayDeque<>();
    private long freshCount;

    void subscribe(ChannelHandlerContext ctx) {
        HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        head.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/event-stream")
                .set(HttpHeaderNames.CACHE_CONTROL, "no-store")
                .set(HttpHeaderNames.TRANSFER_ENCODING, "chunked");
        ctx.write(head);
        ctx.writeAndFlush(new DefaultHttpContent(Unpooled.copiedBuffer(": benchdeck ingestor live feed\nretry: 1000\n\n", StandardCharsets.UTF_8)));
        listeners.add(ctx.channel());
    }

    /** From the workers: remembers the newest of a committed batch. */
    public void stored(List<Message> messages, Instant insertedAt) {
        synchronized (fresh) {
            freshCount += messages.size();
            int from = Math.max(0, messages.size() - MAX_MESSAGES);
            for (int i = from; i < messages.size(); i++) {
                Message m = messages.get(i);
                fresh.addFirst(JsonNodeFactory.instance.objectNode().put("id", m.id()).put("user_id", m.userId())
                        .put("channel_id", m.channelId()).put("content", m.content()).put("created_at", m.createdAt().toString())
                        .put("inserted_at", insertedAt.toString()));
                if (fresh.size() > MAX_MESSAGES) {
                    fresh.removeLast();
                }
            }
        }
    }

    /** Every 500 ms. */
    public void tick(Supplier<JsonNode> stats, List<JsonNode> simulations) {
        ArrayNode messages = JsonNodeFactory.instance.arrayNode();
        long count;
        synchronized (fresh) {
            fresh.forEach(messages::add);
            fresh.clear();
            count = freshCount;
            freshCount = 0;
        }
        if (listeners.isEmpty()) {
            return;
        }
        StringBuilder out = new StringBuilder();
        out.append("event: stats\ndata: ").append(stats.get().toString()).append("\n\n");
        if (count > 0) {
            out.append("event: messages\ndata: ").append(JsonNodeFactory.instance.objectNode().put("count", count)
                    .set("messages", messages).toString()).append("\n\n");
        }
        simulations.forEach(s -> out.append("event: simulation\ndata: ").append(s.toString()).append("\n\n"));
        ByteBuf frame = Unpooled.copiedBuffer(out, StandardCharsets.UTF_8);
        for (Channel ch : listeners) {
            if (ch.isWritable()) {
                ch.writeAndFlush(new DefaultHttpContent(frame.retainedDuplicate())).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
            }
        }
        frame.release();
    }

    public int listeners() {
        return listeners.size();
    }

    public void close() {
        listeners.close();
    }
}
