package dev.benchdeck.driver.http.h1;

import dev.benchdeck.driver.http.ConnectionClosedException;
import dev.benchdeck.driver.http.Endpoint;
import dev.benchdeck.driver.http.ExpectedStatus;
import dev.benchdeck.driver.http.HttpMethod;
import dev.benchdeck.driver.http.HttpWorkload;
import dev.benchdeck.driver.http.TransportErrors;
import dev.benchdeck.engine.driver.ErrorClasses;
import dev.benchdeck.engine.driver.Outcome;
import dev.benchdeck.engine.driver.RequestContext;
import dev.benchdeck.engine.driver.Session;
import dev.benchdeck.engine.driver.Timings;
import dev.benchdeck.engine.time.EngineClock;
import java.io.IOException;
import java.net.SocketException;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * One virtual user of the HTTP/1.1 client. A request is written with one write of prepared bytes
 * and its response read and discarded; a kept-alive connection found closed by the server before
 * any byte of the response is replaced and an idempotent request sent once more. Writes are not
 * bounded by the request timeout (sockets have no write timeout), but {@link #close()} ends them.
 * With a bounded pool ({@code target.connections}) the request's timings start once the pool gave it
 * a slot; the wait for it is reported as {@code connectWaitNanos}.
 */
final class Http1Session implements Session {

    private final EngineClock clock;
    private final Endpoint endpoint;
    private final HttpMethod method;
    private final ExpectedStatus expected;
    private final ConnectionSource connections;
    private final boolean pooled;
    private final Consumer<Http1Session> onClose;
    private final RequestBuffer requestBytes;

    private volatile Http1Connection inFlight;
    private volatile boolean closed;

    public Http1Session(EngineClock clock, Endpoint endpoint, HttpWorkload workload, RequestTemplate request,
                 ConnectionSource connections, Consumer<Http1Session> onClose) {
        this.clock = clock;
        this.endpoint = endpoint;
        this.method = workload.method();
        this.expected = workload.expectedStatus();
        this.connections = connections;
        this.pooled = connections instanceof SharedConnections;
        this.onClose = onClose;
        this.requestBytes = request == null ? null : new RequestBuffer(request); // none for a journey: its steps render their own
    }

    @Override
    public Outcome execute(RequestContext context) throws InterruptedException {
        long start = clock.nanoTime();
        if (closed) {
            return Outcome.failure(ErrorClasses.RESET, "session closed", Timings.of(start, start));
        }
        long deadline = context.timeoutNanos() > Long.MAX_VALUE - start ? Long.MAX_VALUE : start + context.timeoutNanos();
        requestBytes.render(context);
        return exchange(requestBytes.array(), requestBytes.length(), start, deadline, context.timeoutNanos() / 1_000_000,
                method, expected, null);
    }

    /**
     * One request of a journey, already rendered: its answer's status, headers and body are kept in {@code capture};
     * the outcome judges the status against {@code expectedStatus}.
     */
    public Outcome exchange(byte[] bytes, int length, HttpMethod requestMethod, ExpectedStatus expectedStatus, long timeoutNanos,
                     ResponseCapture capture) throws InterruptedException {
        long start = clock.nanoTime();
        if (closed) {
            return Outcome.failure(ErrorClasses.RESET, "session closed", Timings.of(start, start));
        }
        long deadline = timeoutNanos > Long.MAX_VALUE - start ? Long.MAX_VALUE : start + timeoutNanos;
        return exchange(bytes, length, start, deadline, timeoutNanos / 1_000_000, requestMethod, expectedStatus, capture);
    }

    private Outcome exchange(byte[] bytes, int length, long start, long deadline, long timeoutMillis, HttpMethod method,
                             ExpectedStatus expected, ResponseCapture capture) throws InterruptedException {
        long connectNanos = Timings.NONE;
        long connectWait = Timings.NONE;
        long send = start;
        for (boolean firstAttempt = true; ; firstAttempt = false) {
            Http1Connection connection;
            try {
                connection = connections.take(deadline, !firstAttempt);
            } catch (TimeoutException e) {
                long now = clock.nanoTime();
                // never sent: all of its time went into waiting for a connection
                return Outcome.failure(ErrorClasses.TIMEOUT, "no free connection within " + timeoutMillis + " ms",
                        new Timings(now, Timings.NONE, now, Timings.NONE, now - start));
            }
            if (pooled && firstAttempt) {
                send = clock.nanoTime();
                connectWait = send - start;
            }
            boolean reused = connection != null;
            boolean connecting = !reused;
            try {
                if (!reused) {
                    long opening = clock.nanoTime();
                    connection = endpoint.connect(deadline, clock);
                    connectNanos = clock.nanoTime() - opening;
                }
                connecting = false;
                inFlight = connection;
                if (closed) {
                    connection.abort();
                }
                connection.send(bytes, length);
                ResponseReader response = connection.receive(deadline, method == HttpMethod.HEAD, capture);
                inFlight = null;
                connections.give(connection, response.reusable());
                return outcome(response.status(), expected,
                        new Timings(send, response.firstByteNanos(), clock.nanoTime(), connectNanos, connectWait));
            } catch (IOException e) {
                inFlight = null;
                ResponseReader response = connection == null ? null : connection.lastResponse();
                connections.give(connection, false);
                boolean nothingReceived = response == null || response.receivedNothing();
                if (reused && firstAttempt && nothingReceived && method.idempotent() && !closed && peerClosed(e)) {
                    continue;
                }
                if (Thread.interrupted()) {
                    throw new InterruptedException("interrupted during an HTTP request");
                }
                Timings timings = new Timings(send, nothingReceived ? Timings.NONE : response.firstByteNanos(),
                        clock.nanoTime(), connectNanos, connectWait);
                if (closed) {
                    return Outcome.failure(ErrorClasses.RESET, "aborted: session closed", timings);
                }
                TransportErrors.Reason reason = TransportErrors.classify(e, connecting, timeoutMillis);
                return Outcome.failure(reason.errorClass(), reason.message(), timings);
            }
        }
    }

    private static Outcome outcome(int status, ExpectedStatus expected, Timings timings) {
        if (expected.accepts(status)) {
            return Outcome.success(timings);
        }
        return Outcome.failure(ErrorClasses.forHttpStatus(status), "HTTP " + status, timings);
    }

    /** A kept-alive connection the server had closed in the meantime (idle timeout, restart). */
    private static boolean peerClosed(IOException e) {
        return e instanceof ConnectionClosedException || e instanceof SocketException;
    }

    @Override
    public void close() {
        closed = true;
        Http1Connection connection = inFlight;
        if (connection != null) {
            connection.abort();
        }
        connections.sessionClosed();
        onClose.accept(this);
    }
}
