package dev.benchdeck.ingestor.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;

/** Whole answers (JSON, problem details, text) with keep-alive handled. */
final class Responses {

    static final ObjectMapper JSON = new ObjectMapper();

    private Responses() {
    }

    static ChannelFuture json(ChannelHandlerContext ctx, int status, JsonNode body, boolean keepAlive) {
        return send(ctx, status, "application/json", bytes(body), null, keepAlive);
    }

    static ChannelFuture problem(ChannelHandlerContext ctx, Problem problem, boolean keepAlive) {
        return send(ctx, problem.status(), "application/problem+json", bytes(problem.toJson()),
                problem.retryAfterSeconds() == null ? null : problem.retryAfterSeconds().toString(), keepAlive);
    }

    static ChannelFuture text(ChannelHandlerContext ctx, String contentType, String body, boolean keepAlive) {
        return send(ctx, 200, contentType, body.getBytes(StandardCharsets.UTF_8), null, keepAlive);
    }

    private static ChannelFuture send(ChannelHandlerContext ctx, int status, String contentType, byte[] body, String retryAfter,
                                      boolean keepAlive) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status),
                Unpooled.wrappedBuffer(body));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                .set(HttpHeaderNames.CACHE_CONTROL, "no-store");
        if (retryAfter != null) {
            response.headers().set(HttpHeaderNames.RETRY_AFTER, retryAfter);
        }
        if (keepAlive) {
            return ctx.writeAndFlush(response);
        }
        response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        return ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }

    static byte[] bytes(JsonNode body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
