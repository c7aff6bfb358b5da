package dev.benchdeck.gateway.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.Map;

/** Whole answers: JSON, problem details and plain text, with keep-alive handled. */
public final class Responses {

    public static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper COMPACT = new ObjectMapper();

    private Responses() {
    }

    public static ChannelFuture json(ChannelHandlerContext ctx, int status, ObjectNode body, Map<String, String> headers, boolean keepAlive) {
        return send(ctx, status, "application/json", bytes(body, true), headers, keepAlive);
    }

    public static ChannelFuture problem(ChannelHandlerContext ctx, Problem problem, Map<String, String> headers, boolean keepAlive) {
        Map<String, String> all = new java.util.LinkedHashMap<>(problem.headers());
        all.putAll(headers);
        return send(ctx, problem.status(), "application/problem+json", bytes(problem.toJson(), true), all, keepAlive);
    }

    public static ChannelFuture text(ChannelHandlerContext ctx, int status, String contentType, String body, boolean keepAlive) {
        return send(ctx, status, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of(), keepAlive);
    }

    public static ChannelFuture send(ChannelHandlerContext ctx, int status, String contentType, byte[] body,
                                     Map<String, String> headers, boolean keepAlive) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status),
                Unpooled.wrappedBuffer(body));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType)
                .set(HttpHeaderNames.CONTENT_LENGTH, body.length)
                .set(HttpHeaderNames.CACHE_CONTROL, "no-store");
        headers.forEach(response.headers()::set);
        if (keepAlive) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            return ctx.writeAndFlush(response);
        }
        response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        return ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }

    /** One-line JSON (for SSE data lines) or indented (for documents). */
    public static byte[] bytes(ObjectNode body, boolean indented) {
        try {
            return (indented ? JSON : COMPACT).writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String compact(ObjectNode body) {
        return new String(bytes(body, false), StandardCharsets.UTF_8);
    }
}
