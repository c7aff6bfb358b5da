package dev.benchdeck.mockllm;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The mock LLM server: the JDK's HTTP server with one virtual thread per request. Streams without
 * faults or heartbeats are played by one {@link StreamScheduler} thread; the others sleep between
 * tokens on their request's virtual thread.
 *
 * <pre>{@code
 * try (MockLlmServer mock = MockLlmServer.start(MockLlmConfig.defaults())) {
 *     URI base = mock.baseUri();   // http://127.0.0.1:<port>
 *     mock.updateConfig(mock.config().toBuilder().ttft(200, 0).itl(20, 0).build());
 * }
 * }</pre>
 */
public final class MockLlmServer implements AutoCloseable {

    static {
        // the JDK server closes kept-alive connections beyond 200 idle ones, and a client that reuses one
        // of them sees a reset mid-request: a mock for 10,000 streams keeps them all
        setIfAbsent("sun.net.httpserver.maxIdleConnections", "65536");
        setIfAbsent("sun.net.httpserver.idleInterval", "120");
    }

    private static void setIfAbsent(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }


    /** Connections waiting to be accepted; the kernel caps it at net.core.somaxconn. */
    static final int ACCEPT_BACKLOG = 16_384;

    private final HttpServer server;
    private final ExecutorService requests;
    private final StreamScheduler streams = new StreamScheduler();
    private final AtomicReference<MockLlmConfig> config;
    private final MockStats stats = new MockStats();

    private MockLlmServer(HttpServer server, ExecutorService requests, MockLlmConfig initial) {
        this.server = server;
        this.requests = requests;
        this.config = new AtomicReference<>(initial);
    }

    /** Starts on 127.0.0.1 on a free port. */
    public static MockLlmServer start(MockLlmConfig config) throws IOException {
        return start("127.0.0.1", 0, config);
    }

    /** Starts on the given host and port (0 = a free port), its control endpoints open. */
    public static MockLlmServer start(String host, int port, MockLlmConfig config) throws IOException {
        return start(host, port, config, null);
    }

    /**
     * Starts on the given host and port; with an {@code adminToken}, {@code /mock/*} needs it as a
     * bearer token. Refuses a host other than loopback without one: anyone on the network could
     * otherwise reconfigure the mock (see {@link MockLlmOptions#exposureProblem}).
     */
    public static MockLlmServer start(String host, int port, MockLlmConfig config, String adminToken) throws IOException {
        Objects.requireNonNull(config, "config");
        String exposure = MockLlmOptions.exposureProblem(host, adminToken);
        if (exposure != null) {
            throw new IllegalArgumentException(exposure);
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), ACCEPT_BACKLOG);
        ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor();
        MockLlmServer mock = new MockLlmServer(server, requests, config);
        server.createContext("/", new Router(mock::config, mock::updateConfig, mock.stats, adminToken, mock.streams));
        server.setExecutor(requests);
        server.start();
        return mock;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String host() {
        return server.getAddress().getHostString();
    }

    public URI baseUri() {
        return URI.create("http://" + host() + ":" + port());
    }

    public MockLlmConfig config() {
        return config.get();
    }

    /** Applies to requests that arrive from now on; running streams keep the plan they started with. */
    public void updateConfig(MockLlmConfig changed) {
        config.set(Objects.requireNonNull(changed, "config"));
    }

    public MockStats.Snapshot stats() {
        return stats.snapshot();
    }

    /** Stops accepting, cuts running streams and stops their threads. */
    @Override
    public void close() {
        server.stop(0);
        streams.close();
        requests.shutdownNow();
    }
}
