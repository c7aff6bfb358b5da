package dev.benchdeck.driver.http.h1;

import dev.benchdeck.driver.http.Endpoint;
import dev.benchdeck.driver.http.HttpTarget;
import dev.benchdeck.driver.http.HttpWorkload;
import dev.benchdeck.engine.driver.Driver;
import dev.benchdeck.engine.driver.Session;
import dev.benchdeck.engine.time.EngineClock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The HTTP/1.1 driver of one run: sessions with their own connection, or sharing a bounded pool. */
public final class Http1Driver implements Driver {

    private final EngineClock clock;
    private final Endpoint endpoint;
    private final HttpWorkload workload;
    private final RequestTemplate request;
    private final SharedConnections pool;
    private final Set<Http1Session> open = ConcurrentHashMap.newKeySet();
    private final Set<NonBlockingHttp1Session> openNonBlocking = ConcurrentHashMap.newKeySet();
    private EventLoop loop;
    private final java.util.concurrent.atomic.AtomicLong seeds = new java.util.concurrent.atomic.AtomicLong(System.nanoTime());

    public Http1Driver(EngineClock clock, Endpoint endpoint, HttpWorkload workload) {
        this.clock = clock;
        this.endpoint = endpoint;
        this.workload = workload;
        this.request = workload.journey() != null ? null : RequestTemplate.of(endpoint.target(), workload);
        int connections = endpoint.target().connections();
        this.pool = connections == HttpTarget.PER_SESSION ? null : new SharedConnections(connections, clock);
    }

    @Override
    public Session newSession() {
        ConnectionSource source = pool != null ? pool : new OwnConnection();
        Http1Session session = new Http1Session(clock, endpoint, workload, request, source, open::remove);
        open.add(session);
        if (workload.journey() != null) {
            // journeys run on the blocking session: think times park the user's virtual thread
            return new JourneySession(session, workload.journey(), endpoint.target().hostHeader(), clock, seeds.getAndIncrement());
        }
        if (pool != null || endpoint.tls() != null) {
            return session;
        }
        // plain http on own connections may also run on the event loop, at the engine's choice
        NonBlockingHttp1Session nonBlocking = new NonBlockingHttp1Session(loop(), clock, endpoint, workload, request,
                session, openNonBlocking::remove);
        openNonBlocking.add(nonBlocking);
        return nonBlocking;
    }

    private synchronized EventLoop loop() {
        if (loop == null) {
            loop = new EventLoop(clock, "bd-http-loop");
        }
        return loop;
    }

    /** Closes the sessions still open (so no socket outlives the run) and the shared pool. */
    @Override
    public void close() {
        for (NonBlockingHttp1Session session : List.copyOf(openNonBlocking)) {
            session.close();
        }
        for (Http1Session session : List.copyOf(open)) {
            session.close();
        }
        synchronized (this) {
            if (loop != null) {
                loop.close();
            }
        }
        if (pool != null) {
            pool.close();
        }
    }
}
