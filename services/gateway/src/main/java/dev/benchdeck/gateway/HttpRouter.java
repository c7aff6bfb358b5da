package dev.benchdeck.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.benchdeck.gateway.admin.AdminToken;
import dev.benchdeck.gateway.config.InvalidConfigException;
import dev.benchdeck.gateway.http.Problem;
import dev.benchdeck.gateway.http.Responses;
import dev.benchdeck.gateway.stream.StreamExchange;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One connection's requests, in order: {@code POST /api/v1/stream} goes to the pipeline, {@code GET /health}
 * is open, {@code /admin/*} needs the admin token. HTTP/1.1 keep-alive; a pipelined request waits until the
 * answer before it is done, so answers never interleave.
 */
final class HttpRouter extends ChannelInboundHandlerAdapter {

    /** The request body limit: a 100,000-character query fits with room for JSON escapes. */
    static final int MAX_BODY = 1 << 20;
    /** A connection with no request in progress is closed after this long. */
    static final long IDLE_SECONDS = 300;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final GatewayServer gateway;
    private final ArrayDeque<FullHttpRequest> waiting = new ArrayDeque<>();
    private StreamExchange exchange;
    private boolean busy;

    private HttpRouter(GatewayServer gateway) {
        this.gateway = gateway;
    }

    static void install(ChannelPipeline pipeline, GatewayServer gateway) {
        pipeline.addLast(new HttpServerCodec(8192, 32 * 1024, 64 * 1024),
                new IdleStateHandler(0, 0, IDLE_SECONDS, TimeUnit.SECONDS),
                new BodyLimit(),
                new HttpRouter(gateway));
    }

    /** An oversized body is a 413 problem detail (Netty's own answer has no body). */
    private static final class BodyLimit extends HttpObjectAggregator {
        BodyLimit() {
            super(MAX_BODY);
        }

        @Override
        protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
            Responses.problem(ctx, Problem.of(413, "Request too large", "the request body is larger than "
                    + MAX_BODY + " bytes").withCode("body_too_large"), Map.of(), true); // kept open: the aggregator drains the rest, a close mid-upload would reset the client
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof FullHttpRequest request)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (busy) {
            if (waiting.size() >= 16) {
                request.release();
                ctx.close();
                return;
            }
            waiting.addLast(request);
            return;
        }
        serve(ctx, request);
    }

    private void serve(ChannelHandlerContext ctx, FullHttpRequest request) {
        long received = System.nanoTime();
        busy = true;
        try {
            if (request.decoderResult().isFailure()) {
                Responses.problem(ctx, Problem.of(400, "Malformed request", "the HTTP request cannot be read: "
                        + request.decoderResult().cause().getMessage()), Map.of(), false);
                return;
            }
            route(ctx, request, HttpUtil.isKeepAlive(request), received);
        } catch (RuntimeException e) {
            System.getLogger(HttpRouter.class.getName()).log(System.Logger.Level.ERROR, "unexpected error", e);
            Responses.problem(ctx, Problem.of(500, "Internal error", "an unexpected error occurred; see the gateway's log"),
                    Map.of(), false);
        } finally {
            request.release();
        }
    }

    private void route(ChannelHandlerContext ctx, FullHttpRequest request, boolean keepAlive, long received) {
        String path = new QueryStringDecoder(request.uri()).path();
        String method = request.method().name();
        switch (path) {
            case "/api/v1/stream" -> {
                if (allowed(ctx, method, "POST", keepAlive)) {
                    exchange = StreamExchange.begin(gateway.context(), ctx, request.headers().get(HttpHeaderNames.CONTENT_TYPE),
                            ByteBufUtil.getBytes(request.content()), clientId(ctx, request), keepAlive, () -> done(ctx), received);
                }
            }
            case "/health" -> {
                if (allowed(ctx, method, "GET", keepAlive)) {
                    Responses.json(ctx, 200, gateway.health(), Map.of(), keepAlive).addListener(f -> done(ctx));
                }
            }
            case "/admin/execution-stats", "/admin/config", "/admin/metrics" -> admin(ctx, request, path, method, keepAlive);
            default -> Responses.problem(ctx, Problem.of(404, "Not found", "no such endpoint: " + method + " " + path
                    + "; the gateway serves POST /api/v1/stream, GET /health and /admin/*"), Map.of(), keepAlive)
                    .addListener(f -> done(ctx));
        }
    }

    private void admin(ChannelHandlerContext ctx, FullHttpRequest request, String path, String method, boolean keepAlive) {
        if (!AdminToken.matches(request.headers().get(HttpHeaderNames.AUTHORIZATION), gateway.config().adminToken())) {
            Responses.problem(ctx, Problem.of(401, "Unauthorized", "the admin API needs Authorization: Bearer <admin token>"),
                    Map.of("WWW-Authenticate", "Bearer realm=\"benchdeck-gateway\""), keepAlive).addListener(f -> done(ctx));
            return;
        }
        switch (path) {
            case "/admin/execution-stats" -> {
                if (allowed(ctx, method, "GET", keepAlive)) {
                    Responses.json(ctx, 200, gateway.executionStats(), Map.of(), keepAlive).addListener(f -> done(ctx));
                }
            }
            case "/admin/metrics" -> {
                if (allowed(ctx, method, "GET", keepAlive)) {
                    Responses.text(ctx, 200, "text/plain; version=0.0.4; charset=utf-8", gateway.prometheus(), keepAlive)
                            .addListener(f -> done(ctx));
                }
            }
            default -> {
                if (method.equals("GET")) {
                    Responses.json(ctx, 200, gateway.settings().toJson(), Map.of(), keepAlive).addListener(f -> done(ctx));
                } else if (allowed(ctx, method, "GET, PUT", keepAlive)) {
                    putConfig(ctx, request, keepAlive);
                }
            }
        }
    }

    private void putConfig(ChannelHandlerContext ctx, FullHttpRequest request, boolean keepAlive) {
        String type = request.headers().get(HttpHeaderNames.CONTENT_TYPE);
        Problem problem = null;
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            problem = Problem.of(415, "Unsupported media type", "send the config as Content-Type: application/json");
        } else {
            try {
                JsonNode changes = JSON.readTree(ByteBufUtil.getBytes(request.content()));
                Responses.json(ctx, 200, gateway.updateSettings(changes).toJson(), Map.of(), keepAlive).addListener(f -> done(ctx));
                return;
            } catch (InvalidConfigException e) {
                problem = new Problem(422, "Invalid config", e.problems().size() + (e.problems().size() == 1 ? " problem" : " problems")
                        + " in the config; nothing was changed", "invalid_config", e.problems(), null);
            } catch (IOException e) {
                problem = Problem.of(400, "Malformed request body", "the body is not valid JSON: "
                        + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
            }
        }
        Responses.problem(ctx, problem, Map.of(), keepAlive).addListener(f -> done(ctx));
    }

    /** True when {@code method} is allowed; else answers 405 with Allow. */
    private boolean allowed(ChannelHandlerContext ctx, String method, String allow, boolean keepAlive) {
        if (allow.contains(method)) {
            return true;
        }
        Responses.problem(ctx, Problem.of(405, "Method not allowed", "use " + allow + " here, not " + method),
                Map.of("Allow", allow), keepAlive).addListener(f -> done(ctx));
        return false;
    }

    /** The answer is out: serve the next pipelined request, if any. */
    private void done(ChannelHandlerContext ctx) {
        if (!ctx.executor().inEventLoop()) {
            ctx.executor().execute(() -> done(ctx));
            return;
        }
        busy = false;
        exchange = null;
        FullHttpRequest next = waiting.pollFirst();
        if (next != null && ctx.channel().isActive()) {
            serve(ctx, next);
        } else if (next != null) {
            next.release();
        }
    }

    /** The client for rate limits: a hash of its API key ({@code X-API-Key} or a bearer token), else its address. */
    private String clientId(ChannelHandlerContext ctx, FullHttpRequest request) {
        String key = request.headers().get("X-API-Key");
        String authorization = request.headers().get(HttpHeaderNames.AUTHORIZATION);
        if ((key == null || key.isBlank()) && authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            key = authorization.substring(7).strip();
        }
        if (key != null && !key.isBlank()) {
            return "key:" + sha256(key).substring(0, 24);
        }
        if (gateway.config().trustForwardedFor()) {
            String forwarded = request.headers().get("X-Forwarded-For");
            if (forwarded != null && !forwarded.isBlank()) {
                return "addr:" + forwarded.split(",")[0].strip();
            }
        }
        return "addr:" + ((InetSocketAddress) ctx.channel().remoteAddress()).getAddress().getHostAddress();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (exchange != null) {
            exchange.clientGone();
            exchange = null;
        }
        waiting.forEach(FullHttpRequest::release);
        waiting.clear();
        ctx.fireChannelInactive();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (exchange != null) {
            exchange.writabilityChanged();
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof IdleStateEvent && !busy) {
            ctx.close();
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
