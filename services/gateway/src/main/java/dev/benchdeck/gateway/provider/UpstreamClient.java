package dev.benchdeck.gateway.provider;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.AttributeKey;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;

/**
 * An HTTP/1.1 client for one upstream base URL, on the gateway's own event loops: a request runs on the
 * loop of the client connection it serves, so chunks pass from upstream to client without a thread hop,
 * and back-pressure is a matter of the upstream channel's auto-read. Kept-alive connections are pooled
 * per loop; a cancelled exchange closes its connection at once (that is how the upstream learns).
 */
final class UpstreamClient implements AutoCloseable {

    /** Hears one exchange on its loop: the status line, body pieces, the end, or a failure (exactly one of the last two). */
    interface Exchange {
        void status(HttpResponse response);

        void content(ByteBuf piece);

        void end();

        void failed(String code, String message);
    }

    /** The running exchange, to pause, resume or cancel. */
    interface Handle {
        void autoRead(boolean on);

        void cancel();
    }

    private static final AttributeKey<Active> ACTIVE = AttributeKey.valueOf("benchdeck.upstream.active");

    private final URI base;
    private final String host;
    private final int port;
    private final String pathPrefix;
    private final SslContext ssl;
    private final long connectTimeoutMs;
    private final long idleTimeoutMs;
    private final Map<EventLoop, ArrayDeque<Channel>> idle = new ConcurrentHashMap<>();

    UpstreamClient(URI base, long connectTimeoutMs, long idleTimeoutMs) {
        this.base = base;
        boolean tls = "https".equals(base.getScheme());
        this.host = base.getHost();
        this.port = base.getPort() > 0 ? base.getPort() : tls ? 443 : 80;
        String path = base.getRawPath() == null ? "" : base.getRawPath();
        this.pathPrefix = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        this.connectTimeoutMs = connectTimeoutMs;
        this.idleTimeoutMs = idleTimeoutMs;
        try {
            this.ssl = tls ? SslContextBuilder.forClient().build() : null;
        } catch (SSLException e) {
            throw new IllegalStateException("cannot set up TLS for " + base + ": " + e.getMessage(), e);
        }
    }

    /** POSTs {@code body} to base + {@code path} on {@code loop}. Call on the loop. */
    Handle post(EventLoop loop, String path, Map<String, String> headers, byte[] body, Exchange exchange) {
        Active active = new Active(exchange);
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, pathPrefix + path,
                Unpooled.wrappedBuffer(body));
        request.headers().set(HttpHeaderNames.HOST, port == 80 || port == 443 ? host : host + ":" + port)
                .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                .set(HttpHeaderNames.ACCEPT, "text/event-stream")
                .set(HttpHeaderNames.CONTENT_LENGTH, body.length)
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        headers.forEach(request.headers()::set);
        Channel pooled = pooled(loop);
        if (pooled != null) {
            active.start(pooled, request);
        } else {
            connect(loop).addListener((ChannelFuture f) -> {
                if (f.isSuccess()) {
                    active.start(f.channel(), request);
                } else {
                    request.release();
                    active.fail("upstream_unreachable", "cannot connect to " + base + ": " + f.cause().getMessage());
                }
            });
        }
        return active;
    }

    private Channel pooled(EventLoop loop) {
        ArrayDeque<Channel> channels = idle.get(loop);
        while (channels != null && !channels.isEmpty()) {
            Channel c = channels.pollLast();
            if (c.isActive()) {
                return c;
            }
        }
        return null;
    }

    private ChannelFuture connect(EventLoop loop) {
        return new Bootstrap().group(loop).channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) connectTimeoutMs)
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        if (ssl != null) {
                            ch.pipeline().addLast(ssl.newHandler(ch.alloc(), host, port));
                        }
                        ch.pipeline().addLast(new HttpClientCodec(), new IdleStateHandler(idleTimeoutMs, 0, 0, TimeUnit.MILLISECONDS),
                                new UpstreamHandler());
                    }
                }).connect(host, port);
    }

    private void release(Channel channel) {
        if (channel.isActive()) {
            idle.computeIfAbsent(channel.eventLoop(), l -> new ArrayDeque<>()).addLast(channel);
        }
    }

    /** One exchange on one connection; all calls on that connection's loop. */
    private final class Active implements Handle {
        private final Exchange exchange;
        private Channel channel;
        private boolean done;
        private boolean cancelled;
        private boolean keepAlive = true;
        private boolean autoRead = true;

        Active(Exchange exchange) {
            this.exchange = exchange;
        }

        void start(Channel c, FullHttpRequest request) {
            if (cancelled) {
                request.release();
                c.close();
                return;
            }
            channel = c;
            c.attr(ACTIVE).set(this);
            c.config().setAutoRead(autoRead);
            c.writeAndFlush(request).addListener(f -> {
                if (!f.isSuccess()) {
                    fail("upstream_unreachable", "cannot send to " + base + ": " + f.cause().getMessage());
                }
            });
        }

        void response(HttpResponse response) {
            keepAlive = HttpUtil.isKeepAlive(response);
            exchange.status(response);
        }

        void content(HttpContent content) {
            if (!done) {
                exchange.content(content.content());
            }
            if (content instanceof LastHttpContent && !done) {
                done = true;
                channel.attr(ACTIVE).set(null);
                if (keepAlive && !cancelled) {
                    channel.config().setAutoRead(true);
                    release(channel);
                } else {
                    channel.close();
                }
                exchange.end();
            }
        }

        void fail(String code, String message) {
            if (done) {
                return;
            }
            done = true;
            if (channel != null) {
                channel.attr(ACTIVE).set(null);
                channel.close();
            }
            exchange.failed(code, message);
        }

        @Override
        public void autoRead(boolean on) {
            autoRead = on;
            if (channel != null && !done) {
                channel.config().setAutoRead(on);
            }
        }

        @Override
        public void cancel() {
            cancelled = true;
            done = true;
            if (channel != null) {
                channel.attr(ACTIVE).set(null);
                channel.close();
            }
        }
    }

    /** Routes a connection's events to its active exchange; an idle pooled connection that times out is closed. */
    private static final class UpstreamHandler extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            Active active = ctx.channel().attr(ACTIVE).get();
            try {
                if (active == null) {
                    return;
                }
                if (msg instanceof HttpResponse response) {
                    if (response.decoderResult().isFailure()) {
                        active.fail("upstream_protocol", "unreadable HTTP answer: " + response.decoderResult().cause().getMessage());
                        return;
                    }
                    active.response(response);
                }
                if (msg instanceof HttpContent content) {
                    active.content(content);
                }
            } finally {
                io.netty.util.ReferenceCountUtil.release(msg);
            }
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
            if (event instanceof IdleStateEvent) {
                Active active = ctx.channel().attr(ACTIVE).get();
                if (active != null) {
                    active.fail("upstream_timeout", "the provider sent nothing for the provider's timeout_ms");
                }
                ctx.close();
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            Active active = ctx.channel().attr(ACTIVE).get();
            if (active != null) {
                active.fail("upstream_incomplete", "the provider closed the connection before the answer's end");
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            Active active = ctx.channel().attr(ACTIVE).get();
            if (active != null) {
                active.fail("upstream_unreachable", "connection error: " + cause.getMessage());
            }
            ctx.close();
        }
    }

    @Override
    public void close() {
        idle.values().forEach(channels -> channels.forEach(Channel::close));
    }
}
