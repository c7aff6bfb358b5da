package dev.benchdeck.driver.llm;

import dev.benchdeck.driver.http.Endpoint;
import dev.benchdeck.driver.http.h1.EventLoop;
import dev.benchdeck.engine.driver.Driver;
import dev.benchdeck.engine.driver.Session;
import dev.benchdeck.engine.time.EngineClock;
import java.net.http.HttpClient;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * The {@code llm} driver. Streams over plain http:// are read on one {@link EventLoop}, each session
 * with a kept-alive connection of its own ({@link LoopStream}); https (HTTP/2 where servers offer it)
 * and automations use one JDK {@link HttpClient} shared by all sessions, with a timer for deadlines
 * and polls. Sessions are asynchronous, so 10,000 concurrent streams need no thread each.
 * {@code -Dbenchdeck.llm.client=jdk} reads plain streams with the JDK client too (to compare the two).
 */
final class LlmDriver implements Driver {

    private final EngineClock clock;
    private final LlmTarget target;
    private final LlmWorkload workload;
    private final ExecutorService executor;
    private final HttpClient client;
    private final ScheduledExecutorService timer;
    private final Endpoint endpoint;
    private final EventLoop loop;
    private final Set<LoopStream> streams = ConcurrentHashMap.newKeySet();

    LlmDriver(EngineClock clock, LlmTarget target, LlmWorkload workload, Endpoint endpoint) {
        this.clock = clock;
        this.endpoint = endpoint;
        boolean jdkOnly = "jdk".equals(System.getProperty("benchdeck.llm.client"));
        this.loop = target.tls() || jdkOnly || !workload.api().streams() ? null : new EventLoop(clock, "bd-llm-loop");
        this.target = target;
        this.workload = workload;
        // body chunks are timestamped on these threads: a small pool keeps the hand-off quick
        this.executor = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()),
                Thread.ofPlatform().daemon().name("bd-llm-io-", 0).factory());
        HttpClient.Builder builder = HttpClient.newBuilder()
                .executor(executor)
                .version(target.tls() ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
                .connectTimeout(target.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER);
        if (target.tls()) {
            builder.sslContext(Endpoint.tlsContext(target.asHttpTarget()));
        }
        this.client = builder.build();
        ScheduledThreadPoolExecutor scheduled = new ScheduledThreadPoolExecutor(1,
                Thread.ofPlatform().daemon().name("bd-llm-timer").factory());
        scheduled.setRemoveOnCancelPolicy(true);
        this.timer = scheduled;
    }

    @Override
    public Session newSession() {
        LoopStream stream = null;
        if (loop != null) {
            stream = new LoopStream(loop, clock, endpoint.address(), target.connectTimeout(), target.resolvedApiKey());
            streams.add(stream);
        }
        return new LlmSession(clock, client, timer, target, workload, stream);
    }

    @Override
    public void close() {
        if (loop != null) {
            streams.forEach(LoopStream::close); // queued before the loop's own end, so every socket is closed
            loop.close();
        }
        timer.shutdownNow();
        client.shutdownNow();
        executor.shutdownNow();
    }
}
