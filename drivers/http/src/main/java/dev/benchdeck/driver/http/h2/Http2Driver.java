package dev.benchdeck.driver.http.h2;

import dev.benchdeck.driver.http.Endpoint;
import dev.benchdeck.driver.http.HttpTarget;
import dev.benchdeck.driver.http.HttpWorkload;
import dev.benchdeck.engine.driver.Driver;
import dev.benchdeck.engine.driver.Session;
import dev.benchdeck.engine.time.EngineClock;
import java.net.http.HttpClient;

/**
 * The {@code http_version: "2"} driver: one JDK {@link HttpClient} shared by all sessions, which
 * multiplexes their requests on HTTP/2 connections (ALPN for https, an h2c upgrade for http) and
 * falls back to HTTP/1.1 when the server does not speak HTTP/2.
 */
public final class Http2Driver implements Driver {

    private final EngineClock clock;
    private final HttpTarget target;
    private final HttpWorkload workload;
    private final HttpClient client;

    public Http2Driver(EngineClock clock, HttpTarget target, HttpWorkload workload) {
        this.clock = clock;
        this.target = target;
        this.workload = workload;
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_2)
                .connectTimeout(target.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER);
        if (target.tls()) {
            builder.sslContext(Endpoint.tlsContext(target));
        }
        this.client = builder.build();
    }

    @Override
    public Session newSession() {
        return new Http2Session(clock, client, target, workload);
    }

    @Override
    public void close() {
        client.shutdownNow();
    }
}
