package dev.benchdeck.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.benchdeck.gateway.admin.PrometheusText;
import dev.benchdeck.gateway.cache.AnswerCache;
import dev.benchdeck.gateway.config.GatewayConfig;
import dev.benchdeck.gateway.config.GatewaySettings;
import dev.benchdeck.gateway.config.InvalidConfigException;
import dev.benchdeck.gateway.limit.ConnectionLimiter;
import dev.benchdeck.gateway.limit.RateLimiter;
import dev.benchdeck.gateway.provider.Providers;
import dev.benchdeck.gateway.redis.RedisLink;
import dev.benchdeck.gateway.stats.ExecutionStats;
import dev.benchdeck.gateway.stream.StreamContext;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Benchdeck's streaming gateway: an SSE gateway for LLM answers on Netty (one event loop per core, no
 * thread per stream), with the six-stage pipeline, Redis for L2 cache, shared limits and the shared
 * queue, and the admin API. Standalone through {@code benchdeck gateway}; embedded like the mock LLM:
 *
 * <pre>{@code
 * try (GatewayServer gateway = GatewayServer.start(GatewayConfig.builder().port(0).adminToken(token).build())) {
 *     URI base = gateway.baseUri();   // http://127.0.0.1:<port>
 * }
 * }</pre>
 */
public final class GatewayServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(GatewayServer.class.getName());

    private final GatewayConfig config;
    private final AtomicReference<GatewaySettings> settings;
    private final ExecutionStats stats = new ExecutionStats();
    private final ScheduledExecutorService timer;
    private final RedisLink redis;
    private final AnswerCache cache;
    private final RateLimiter rateLimiter;
    private final ConnectionLimiter connections;
    private final Providers providers;
    private final StreamContext context;
    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final ChannelGroup channels = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private Channel server;

    private GatewayServer(GatewayConfig config) {
        this.config = config;
        this.settings = new AtomicReference<>(config.settings());
        this.timer = Executors.newSingleThreadScheduledExecutor(new DefaultThreadFactory("gateway-timer", true));
        this.redis = config.redisUrl() == null ? null : RedisLink.open(config.redisUrl(), timer, reachable -> LOG.log(
                System.Logger.Level.INFO, reachable ? "redis reachable: L2 cache, shared rate limits and the shared queue in use"
                        : "redis unreachable: serving from L1 with local rate limits and the memory queue"));
        GatewaySettings s = config.settings();
        this.cache = new AnswerCache(s.cacheMaxEntries(), s.cacheTtl(), redis);
        this.rateLimiter = new RateLimiter(redis);
        this.connections = new ConnectionLimiter(settings::get, redis, config.instanceId());
        this.providers = new Providers(config.providers(), s.circuitBreaker());
        this.context = new StreamContext(config.instanceId(), settings::get, stats, cache, rateLimiter, connections, providers);
        this.boss = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("gateway-accept", true), NioIoHandler.newFactory());
        this.workers = new MultiThreadIoEventLoopGroup(Runtime.getRuntime().availableProcessors(),
                new DefaultThreadFactory("gateway-io", true), NioIoHandler.newFactory());
        timer.scheduleAtFixedRate(stats::tick, 1, 1, TimeUnit.SECONDS);
    }

    /** Starts on the config's host and port (0 = a free port); throws when the address cannot be bound. */
    public static GatewayServer start(GatewayConfig config) throws IOException {
        Objects.requireNonNull(config, "config");
        GatewayServer gateway = new GatewayServer(config);
        try {
            gateway.bind();
        } catch (IOException | RuntimeException e) {
            gateway.close();
            throw e;
        }
        return gateway;
    }

    private void bind() throws IOException {
        ServerBootstrap bootstrap = new ServerBootstrap().group(boss, workers).channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 16_384)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(32 * 1024, 64 * 1024))
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        channels.add(ch);
                        HttpRouter.install(ch.pipeline(), GatewayServer.this);
                    }
                });
        try {
            server = bootstrap.bind(new InetSocketAddress(config.host(), config.port())).sync().channel();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while binding " + config.host() + ":" + config.port(), e);
        } catch (Exception e) {
            throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
        }
        channels.add(server);
    }

    public int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    public String host() {
        return ((InetSocketAddress) server.localAddress()).getHostString();
    }

    public URI baseUri() {
        return URI.create("http://" + host() + ":" + port());
    }

    public String instanceId() {
        return config.instanceId();
    }

    GatewayConfig config() {
        return config;
    }

    StreamContext context() {
        return context;
    }

    public GatewaySettings settings() {
        return settings.get();
    }

    /**
     * Applies a PUT body: every field checked (all problems with their paths; nothing applied if any), then
     * in force at once for new requests; running streams keep the settings they started with.
     */
    public synchronized GatewaySettings updateSettings(JsonNode changes) throws InvalidConfigException {
        GatewaySettings before = settings.get();
        GatewaySettings after = before.merge(changes, config.providerNames());
        settings.set(after);
        cache.resize(after.cacheMaxEntries(), after.cacheTtl());
        if (!after.circuitBreaker().equals(before.circuitBreaker())) {
            providers.reconfigure(after.circuitBreaker());
        }
        connections.settingsChanged();
        return after;
    }

    public boolean redisConfigured() {
        return redis != null;
    }

    public boolean redisReachable() {
        return redis != null && redis.reachable();
    }

    /**
     * GET /health: status ({@code degraded} when a configured Redis is unreachable or every provider of
     * provider_order has an open circuit, else {@code ok}), Redis, what runs locally for want of it, each
     * provider's circuit state.
     */
    public ObjectNode health() {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        boolean redisOk = redis == null || redis.reachable();
        boolean anyProvider = settings.get().providerOrder().stream().anyMatch(n -> providers.state(n) != CircuitBreaker.State.OPEN);
        out.put("status", redisOk && anyProvider ? "ok" : "degraded");
        out.put("instance_id", config.instanceId());
        ObjectNode r = out.putObject("redis").put("configured", redis != null).put("reachable", redisReachable());
        r.put("cache", redisReachable() ? "l1+l2" : "l1");
        r.put("rate_limits", redisReachable() ? "shared" : "local");
        String queue = settings.get().queueType();
        r.put("queue", GatewaySettings.QUEUE_REDIS.equals(queue) && !redisReachable() ? "memory (redis unreachable)" : queue);
        out.set("providers", providers.toJson(false));
        out.put("active_streams", connections.inUse());
        return out;
    }

    /** GET /admin/execution-stats. */
    public ObjectNode executionStats() {
        ObjectNode out = stats.toJson();
        out.put("active_streams", connections.inUse());
        ObjectNode queue = (ObjectNode) out.get("queue");
        queue.put("waiting", connections.waiting());
        out.put("cache_entries_l1", cache.l1Size());
        out.set("providers", providers.toJson(true));
        out.putObject("redis").put("configured", redis != null).put("reachable", redisReachable());
        return out;
    }

    /** GET /admin/metrics: Prometheus text. */
    public String prometheus() {
        Map<String, Double> gauges = new LinkedHashMap<>();
        gauges.put("active_streams", (double) connections.inUse());
        gauges.put("queue_waiting", (double) connections.waiting());
        gauges.put("cache_hit_ratio", stats.cacheHitRatio());
        gauges.put("cache_entries_l1", (double) cache.l1Size());
        gauges.put("redis_up", redisReachable() ? 1.0 : 0.0);
        Map<String, String> circuits = new LinkedHashMap<>();
        providers.names().forEach(n -> circuits.put(n, providers.state(n).name().toLowerCase(Locale.ROOT)));
        return PrometheusText.render(stats, gauges, circuits);
    }

    public ExecutionStats stats() {
        return stats;
    }

    /** Stops accepting, cuts running streams (their upstreams too) and stops every thread it started. */
    @Override
    public void close() {
        if (server != null) {
            server.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        }
        channels.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        providers.close();
        boss.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        workers.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(3, TimeUnit.SECONDS);
        if (redis != null) {
            redis.close();
        }
        timer.shutdownNow();
    }
}
