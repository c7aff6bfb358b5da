package dev.benchdeck.driver.http.h1;

import dev.benchdeck.driver.http.Endpoint;
import dev.benchdeck.driver.http.ExpectedStatus;
import dev.benchdeck.driver.http.HttpMethod;
import dev.benchdeck.driver.http.HttpWorkload;
import dev.benchdeck.driver.http.MalformedResponseException;
import dev.benchdeck.driver.http.TransportErrors;
import dev.benchdeck.engine.driver.AsyncSession;
import dev.benchdeck.engine.driver.ErrorClasses;
import dev.benchdeck.engine.driver.Outcome;
import dev.benchdeck.engine.driver.RequestContext;
import dev.benchdeck.engine.driver.Timings;
import dev.benchdeck.engine.time.EngineClock;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.function.Consumer;

/**
 * One virtual user of plain HTTP/1.1 on an {@link EventLoop}: its own kept-alive connection
 * ({@link LoopConnection}), written and read without blocking, with the same timings, retry of an
 * idempotent request on a connection the server had closed, and error classes as {@link Http1Session}.
 * {@link #execute} (blocking callers, e.g. the open model) goes to a blocking session instead.
 */
final class NonBlockingHttp1Session extends LoopConnection implements AsyncSession {

    private final HttpMethod method;
    private final ExpectedStatus expected;
    private final Http1Session blocking;
    private final Consumer<NonBlockingHttp1Session> onClose;
    private final RequestBuffer requestBytes;
    private final ResponseParser parser = new ResponseParser();
    private final Runnable startTask = this::start;
    private final Runnable abortTask = this::abort;
    private volatile boolean closed;

    // the request in flight: written by submit, then handed to the loop thread by its queue
    private Consumer<Outcome> done;
    private long send;
    private long deadline;
    private long timeoutMillis;
    private boolean firstAttempt;

    NonBlockingHttp1Session(EventLoop loop, EngineClock clock, Endpoint endpoint, HttpWorkload workload,
                            RequestTemplate request, Http1Session blocking, Consumer<NonBlockingHttp1Session> onClose) {
        super(loop, clock, endpoint.address(), endpoint.target().connectTimeout());
        this.method = workload.method();
        this.expected = workload.expectedStatus();
        this.blocking = blocking;
        this.onClose = onClose;
        this.requestBytes = new RequestBuffer(request);
        this.out = requestBytes.isConstant() ? ByteBuffer.wrap(requestBytes.array()) : null;
    }

    @Override
    public Outcome execute(RequestContext context) throws InterruptedException {
        return blocking.execute(context);
    }

    @Override
    public void submit(RequestContext context, Consumer<Outcome> done) {
        send = clock.nanoTime();
        deadline = context.timeoutNanos() > Long.MAX_VALUE - send ? Long.MAX_VALUE : send + context.timeoutNanos();
        timeoutMillis = context.timeoutNanos() / 1_000_000;
        if (!requestBytes.isConstant()) {
            requestBytes.render(context);
            out = ByteBuffer.wrap(requestBytes.array(), 0, requestBytes.length());
        }
        this.done = done;
        connectNanos = Timings.NONE;
        firstByte = Timings.NONE;
        firstAttempt = true;
        loop.execute(startTask);
    }

    private void start() {
        if (closed) {
            finish(Outcome.failure(ErrorClasses.RESET, "session closed", Timings.of(send, send)));
            return;
        }
        out.rewind();
        send(deadline);
    }

    @Override
    protected boolean inFlight() {
        return done != null;
    }

    @Override
    protected void written() {
        parser.begin(method == HttpMethod.HEAD);
    }

    @Override
    protected void read(SocketChannel channel) throws IOException {
        if (!readResponse(channel, parser)) {
            return;
        }
        int status = parser.status();
        Timings timings = new Timings(send, firstByte, clock.nanoTime(), connectNanos);
        finish(expected.accepts(status) ? Outcome.success(timings)
                : Outcome.failure(ErrorClasses.forHttpStatus(status), "HTTP " + status, timings));
    }

    @Override
    protected void failed(IOException e, boolean connecting) {
        boolean nothingReceived = firstByte == Timings.NONE;
        if (reused && firstAttempt && nothingReceived && method.idempotent() && !closed && peerClosed(e)) {
            // a kept-alive connection the server had closed in the meantime: once more on a new one
            firstAttempt = false;
            resendOnNewConnection();
            return;
        }
        Timings timings = new Timings(send, firstByte, clock.nanoTime(), connectNanos);
        if (closed) {
            finish(Outcome.failure(ErrorClasses.RESET, "aborted: session closed", timings));
            return;
        }
        TransportErrors.Reason reason = TransportErrors.classify(e, connecting, timeoutMillis);
        finish(Outcome.failure(reason.errorClass(), reason.message(), timings));
    }

    /** A kept-alive connection the server had closed (idle timeout, restart), not a slow or broken server. */
    private static boolean peerClosed(IOException e) {
        return !(e instanceof MalformedResponseException || e instanceof SocketTimeoutException
                || e instanceof ConnectException);
    }

    @Override
    public long checkDeadline(long now) {
        if (done == null || connectTimedOut(now, deadline)) {
            return Long.MAX_VALUE;
        }
        if (now >= deadline) {
            fail(new SocketTimeoutException("request deadline passed"));
            return Long.MAX_VALUE;
        }
        return nextDeadline(deadline);
    }

    @Override
    protected void dropped() {
        parser.discard();
    }

    /** Hands the outcome over; the callback may submit the next request at once. */
    private void finish(Outcome outcome) {
        Consumer<Outcome> callback = done;
        done = null;
        callback.accept(outcome);
    }

    private void abort() {
        if (done != null) {
            fail(new IOException("session closed"));
        } else {
            drop();
        }
    }

    @Override
    public void close() {
        closed = true;
        blocking.close();
        loop.execute(abortTask);
        onClose.accept(this);
    }
}
