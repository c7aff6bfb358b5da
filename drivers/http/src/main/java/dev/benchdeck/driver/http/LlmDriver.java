package dev.benchdeck.driver.http;

import dev.benchdeck.engine.driver.Driver;
import dev.benchdeck.engine.driver.Session;
import dev.benchdeck.engine.time.EngineClock;
import java.net.http.HttpClient;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * The {@code llm} driver: one JDK {@link HttpClient} shared by all sessions (HTTP/1.1 for http://,
 * HTTP/2 where https servers offer it), a timer for stream deadlines and automation polls. Sessions
 * are asynchronous, so 10,000 concurrent streams need no thread each.
 */
final class LlmDriver implements Driver {

    private final EngineClock clock;
    private final LlmTarget target;
    private final LlmWorkload workload;
    private final ExecutorService executor;
    private final HttpClient client;
    private final ScheduledExecutorService timer;

    LlmDriver(EngineClock clock, LlmTarget target, LlmWorkload workload) {
        this.clock = clock;
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
        return new LlmSession(clock, client, timer, target, workload);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        client.shutdownNow();
        executor.shutdownNow();
    }
}
