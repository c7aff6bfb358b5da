package dev.benchdeck.driver.http.h2;

import dev.benchdeck.driver.http.HttpTarget;
import dev.benchdeck.driver.http.HttpWorkload;
import dev.benchdeck.driver.http.TransportErrors;
import dev.benchdeck.engine.driver.ErrorClasses;
import dev.benchdeck.engine.driver.Outcome;
import dev.benchdeck.engine.driver.RequestContext;
import dev.benchdeck.engine.driver.Session;
import dev.benchdeck.engine.driver.Timings;
import dev.benchdeck.engine.time.EngineClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * One virtual user of the HTTP/2 driver. The JDK client tells neither when the first response byte
 * arrived nor whether a connection was opened for the request, so {@code firstByte} and
 * {@code connectNanos} are always {@link Timings#NONE} in this mode.
 */
final class Http2Session implements Session {

    private final EngineClock clock;
    private final HttpClient client;
    private final String origin;
    private final HttpWorkload workload;
    private final boolean constant;

    // an unchanging request is built once per timeout value and sent again as is
    private HttpRequest constantRequest;
    private long constantRequestTimeout;

    private volatile CompletableFuture<HttpResponse<Void>> inFlight;
    private volatile boolean closed;

    public Http2Session(EngineClock clock, HttpClient client, HttpTarget target, HttpWorkload workload) {
        this.clock = clock;
        this.client = client;
        this.origin = target.origin();
        this.workload = workload;
        this.constant = workload.requestTarget().isConstant()
                && (workload.body() == null || workload.body().isConstant())
                && workload.headers().stream().allMatch(h -> h.value().isConstant());
    }

    @Override
    public Outcome execute(RequestContext context) throws InterruptedException {
        long send = clock.nanoTime();
        long timeoutMillis = context.timeoutNanos() / 1_000_000;
        if (closed) {
            return Outcome.failure(ErrorClasses.RESET, "session closed", Timings.of(send, send));
        }
        HttpRequest request;
        try {
            request = request(context);
        } catch (IllegalArgumentException e) {
            return Outcome.failure(ErrorClasses.PROTOCOL, "invalid request: " + e.getMessage(), Timings.of(send, clock.nanoTime()));
        }
        CompletableFuture<HttpResponse<Void>> response = client.sendAsync(request, HttpResponse.BodyHandlers.discarding());
        inFlight = response;
        if (closed) {
            response.cancel(true);
        }
        try {
            int status = response.get().statusCode();
            Timings timings = Timings.of(send, clock.nanoTime());
            return workload.expectedStatus().accepts(status) ? Outcome.success(timings)
                    : Outcome.failure(ErrorClasses.forHttpStatus(status), "HTTP " + status, timings);
        } catch (ExecutionException e) {
            if (closed) {
                // cancelling may surface as a failed exchange rather than a cancelled future
                return Outcome.failure(ErrorClasses.RESET, "aborted: session closed", Timings.of(send, clock.nanoTime()));
            }
            TransportErrors.Reason reason = TransportErrors.classifyJdkClient(e.getCause(), timeoutMillis);
            return Outcome.failure(reason.errorClass(), reason.message(), Timings.of(send, clock.nanoTime()));
        } catch (CancellationException e) {
            return Outcome.failure(ErrorClasses.RESET, "aborted: session closed", Timings.of(send, clock.nanoTime()));
        } catch (InterruptedException e) {
            response.cancel(true);
            throw e;
        } finally {
            inFlight = null;
        }
    }

    private HttpRequest request(RequestContext context) {
        if (constant && constantRequest != null && constantRequestTimeout == context.timeoutNanos()) {
            return constantRequest;
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(origin + workload.requestTarget().renderText(context)))
                .timeout(Duration.ofNanos(context.timeoutNanos()));
        for (HttpWorkload.Header header : workload.headers()) {
            builder.header(header.name(), header.value().renderText(context));
        }
        HttpRequest.BodyPublisher body = workload.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(workload.body().render(context));
        HttpRequest request = builder.method(workload.method().name(), body).build();
        if (constant) {
            constantRequest = request;
            constantRequestTimeout = context.timeoutNanos();
        }
        return request;
    }

    @Override
    public void close() {
        closed = true;
        CompletableFuture<HttpResponse<Void>> response = inFlight;
        if (response != null) {
            response.cancel(true);
        }
    }
}
