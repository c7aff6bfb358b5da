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
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.function.Consumer;

/**
 * One virtual user of plain HTTP/1.1 on an {@link EventLoop}: its own kept-alive connection,
 * written and read without blocking, with the same timings, retry of an idempotent request on a
 * connection the server had closed, and error classes as {@link Http1Session}. {@link #execute}
 * (blocking callers, e.g. the open model) goes to a blocking session instead.
 */
final class NonBlockingHttp1Session implements AsyncSession, EventLoop.Channel {

    private final EventLoop loop;
    private final EngineClock clock;
    private final Endpoint endpoint;
    private final HttpMethod method;
    private final ExpectedStatus expected;
    private final Http1Session blocking;
    private final Consumer<NonBlockingHttp1Session> onClose;
    private final RequestBuffer requestBytes;
    private final ResponseParser parser = new ResponseParser();
    private final Runnable startTask = this::start;
    private final Runnable abortTask = this::abort;
    private volatile boolean closed;

    // the connection, touched on the loop thread only
    private SocketChannel channel;
    private SelectionKey key;
    private boolean connected;
    // the request in flight: written by submit, then handed to the loop thread by its queue
    private ByteBuffer out;
    private Consumer<Outcome> done;
    private long send;
    private long deadline;
    private long timeoutMillis;
    private long connectStart;
    private long connectDeadline;
    private long connectNanos;
    private long firstByte;
    private boolean reused;
    private boolean firstAttempt;

    public NonBlockingHttp1Session(EventLoop loop, EngineClock clock, Endpoint endpoint, HttpWorkload workload,
                            RequestTemplate request, Http1Session blocking, Consumer<NonBlockingHttp1Session> onClose) {
        this.loop = loop;
        this.clock = clock;
        this.endpoint = endpoint;
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
        reused = channel != null;
        loop.watch(this, deadline);
        try {
            if (reused) {
                write();
            } else {
                connect();
            }
        } catch (IOException e) {
            failed(e);
        }
    }

    private void connect() throws IOException {
        connectStart = clock.nanoTime();
        long connectTimeout = endpoint.target().connectTimeout().toNanos();
        connectDeadline = connectTimeout > Long.MAX_VALUE - connectStart ? Long.MAX_VALUE : connectStart + connectTimeout;
        connected = false;
        channel = SocketChannel.open();
        channel.configureBlocking(false);
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        key = channel.register(loop.selector(), 0, this);
        loop.watch(this, connectDeadline);
        if (channel.connect(endpoint.address())) {
            connected();
        } else {
            key.interestOps(SelectionKey.OP_CONNECT);
        }
    }

    private void connected() throws IOException {
        connected = true;
        connectNanos = clock.nanoTime() - connectStart;
        key.interestOps(SelectionKey.OP_READ);
        write();
    }

    private void write() throws IOException {
        channel.write(out);
        int ops = out.hasRemaining() ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ;
        if (key.interestOps() != ops) {
            key.interestOps(ops);
        }
        if (!out.hasRemaining()) {
            parser.begin(method == HttpMethod.HEAD);
        }
    }

    @Override
    public void ready(SelectionKey ready) {
        if (ready != key) {
            return;
        }
        int ops = ready.readyOps();
        if (done == null) {
            // the server hung up (an idle timeout) or spoke out of turn between requests: either
            // way the connection is unusable, so the next request opens a fresh one
            drop();
            return;
        }
        try {
            if (!connected) {
                if (channel.finishConnect()) {
                    connected();
                }
                return;
            }
            if ((ops & SelectionKey.OP_WRITE) != 0 && out.hasRemaining()) {
                write();
            }
            if ((ops & SelectionKey.OP_READ) != 0 && !out.hasRemaining() && done != null && ready == key) {
                read();
            }
        } catch (IOException e) {
            failed(e);
        }
    }

    private void read() throws IOException {
        ByteBuffer space = parser.space();
        int n = channel.read(space);
        boolean complete;
        if (n < 0) {
            complete = parser.endOfStream() && parser.parse();
        } else {
            if (n > 0 && firstByte == Timings.NONE) {
                firstByte = clock.nanoTime();
            }
            parser.filled(n);
            complete = parser.parse();
        }
        if (!complete) {
            return;
        }
        if (!parser.reusable()) {
            drop();
        }
        int status = parser.status();
        Timings timings = new Timings(send, firstByte, clock.nanoTime(), connectNanos);
        finish(expected.accepts(status) ? Outcome.success(timings)
                : Outcome.failure(ErrorClasses.forHttpStatus(status), "HTTP " + status, timings));
    }

    private void failed(IOException e) {
        boolean nothingReceived = firstByte == Timings.NONE;
        boolean connecting = channel != null && !connected;
        drop();
        if (reused && firstAttempt && nothingReceived && method.idempotent() && !closed && peerClosed(e)) {
            // a kept-alive connection the server had closed in the meantime: once more on a new one
            firstAttempt = false;
            reused = false;
            out.rewind();
            try {
                connect();
            } catch (IOException again) {
                failed(again);
            }
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
        if (done == null) {
            return Long.MAX_VALUE;
        }
        boolean connecting = channel != null && !connected;
        if (connecting && now >= connectDeadline && connectDeadline < deadline) {
            failed(new ConnectException("connect timed out after " + endpoint.target().connectTimeout().toMillis() + " ms"));
            return Long.MAX_VALUE;
        }
        if (now >= deadline) {
            failed(new SocketTimeoutException("request deadline passed"));
            return Long.MAX_VALUE;
        }
        return connecting ? Math.min(deadline, connectDeadline) : deadline;
    }

    /** Hands the outcome over; the callback may submit the next request at once. */
    private void finish(Outcome outcome) {
        Consumer<Outcome> callback = done;
        done = null;
        callback.accept(outcome);
    }

    /** Closes the connection; the next request opens a new one. */
    private void drop() {
        if (channel == null) {
            return;
        }
        key.cancel();
        try {
            channel.close();
        } catch (IOException e) {
            // the connection is being dropped either way
        }
        channel = null;
        key = null;
        connected = false;
        parser.discard();
    }

    private void abort() {
        if (done != null) {
            failed(new IOException("session closed"));
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
