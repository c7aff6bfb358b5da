package dev.benchdeck.driver.llm;

import dev.benchdeck.driver.http.ConnectionClosedException;
import dev.benchdeck.driver.http.TransportErrors;
import dev.benchdeck.driver.http.h1.EventLoop;
import dev.benchdeck.driver.http.h1.LoopConnection;
import dev.benchdeck.driver.http.h1.ResponseParser;
import dev.benchdeck.driver.http.h1.ResponseSink;
import dev.benchdeck.driver.llm.stream.LlmProviders;
import dev.benchdeck.driver.llm.stream.StreamCollector;
import dev.benchdeck.engine.driver.ErrorClasses;
import dev.benchdeck.engine.driver.Outcome;
import dev.benchdeck.engine.driver.Timings;
import dev.benchdeck.engine.time.EngineClock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * One LLM session's streamed answers over plain HTTP/1.1 on the shared {@link EventLoop}: a
 * kept-alive connection of its own ({@link LoopConnection}), the request written and the answer read without blocking, and
 * each read's bytes handed to the {@link StreamCollector} with the time that read returned — events
 * that arrive in one read share it. No executor hand-off sits between the socket and the timestamp,
 * as it does with the JDK client (still used for TLS, HTTP/2 and automations).
 */
final class LoopStream extends LoopConnection implements ResponseSink {

    /** The most of a refused answer's body kept for its error message. */
    private static final int MAX_ERROR_BODY = 64 * 1024;

    private final String apiKey;
    /** 4 KiB, not 16: SSE bodies pass through in pieces, and 10,000 streams keep 10,000 of these buffers. */
    private final ResponseParser parser = new ResponseParser(4 * 1024);
    private final Runnable startTask = this::start;

    // the request in flight, handed to the loop thread by its queue
    private StreamCollector collector;
    private Consumer<Outcome> done;
    private long send;
    private long deadline;
    private long timeoutMillis;
    private boolean retried;
    // the answer's head, as the parser sees it
    private int status;
    private String contentType;
    private final ByteArrayOutputStream refusedBody = new ByteArrayOutputStream();

    LoopStream(EventLoop loop, EngineClock clock, InetSocketAddress address, Duration connectTimeout, String apiKey) {
        super(loop, clock, address, connectTimeout);
        this.apiKey = apiKey;
    }

    /**
     * The request's bytes: {@code POST} to {@code uri} with the headers given and a Content-Length body.
     *
     * @throws IllegalArgumentException for a header name or value that cannot be sent (a line break in it)
     */
    static byte[] request(URI uri, List<String[]> headers, byte[] body) {
        StringBuilder head = new StringBuilder(256).append("POST ");
        head.append(uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath());
        if (uri.getRawQuery() != null) {
            head.append('?').append(uri.getRawQuery());
        }
        head.append(" HTTP/1.1\r\nHost: ").append(uri.getRawAuthority()).append("\r\n");
        for (String[] header : headers) {
            if (!validName(header[0]) || header[1].indexOf('\r') >= 0 || header[1].indexOf('\n') >= 0) {
                throw new IllegalArgumentException("invalid header " + header[0] + ": " + header[1]);
            }
            head.append(header[0]).append(": ").append(header[1]).append("\r\n");
        }
        head.append("Content-Length: ").append(body == null ? 0 : body.length).append("\r\n\r\n");
        byte[] start = head.toString().getBytes(StandardCharsets.UTF_8);
        if (body == null || body.length == 0) {
            return start;
        }
        byte[] all = new byte[start.length + body.length];
        System.arraycopy(start, 0, all, 0, start.length);
        System.arraycopy(body, 0, all, start.length, body.length);
        return all;
    }

    private static boolean validName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= ' ' || c >= 127 || "()<>@,;:\\\"/[]?={}".indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    /** Sends {@code requestBytes} and reads the answer into {@code collector}; {@code done} gets the outcome on the loop thread. */
    void submit(byte[] requestBytes, long send, long timeoutNanos, StreamCollector collector, Consumer<Outcome> done) {
        this.out = ByteBuffer.wrap(requestBytes);
        this.send = send;
        this.deadline = timeoutNanos > Long.MAX_VALUE - send ? Long.MAX_VALUE : send + timeoutNanos;
        this.timeoutMillis = timeoutNanos / 1_000_000;
        this.collector = collector;
        this.done = done;
        loop.execute(startTask);
    }

    /** Ends the stream in flight (if any) as cut off with {@code errorClass}; the connection is dropped. */
    void cutOff(String errorClass, String message) {
        loop.execute(() -> {
            if (done != null) {
                drop();
                end(cutOffOutcome(errorClass, message));
            }
        });
    }

    /** Closes the connection, ending a stream still in flight as reset (the session or the driver is closing). */
    void close() {
        loop.execute(() -> {
            drop();
            if (done != null) {
                end(cutOffOutcome(ErrorClasses.RESET, "aborted: session closed"));
            }
        });
    }

    private void start() {
        firstByte = Timings.NONE;
        connectNanos = Timings.NONE;
        retried = false;
        send(deadline);
    }

    @Override
    protected boolean inFlight() {
        return done != null;
    }

    @Override
    protected void written() {
        parser.begin(false, this);
    }

    @Override
    protected void read(SocketChannel channel) throws IOException {
        if (readResponse(channel, parser)) { // each read's bytes reach body() stamped with readAt
            end(answered(clock.nanoTime()));
        }
    }

    /** The whole answer is in: the stream's outcome, or why the answer was no stream. */
    private Outcome answered(long end) {
        if (streaming()) {
            return collector.outcome(end, connectNanos, null, null);
        }
        Timings timings = new Timings(send, firstByte, end, connectNanos);
        byte[] body = refusedBody.toByteArray();
        if (status < 200 || status > 299) {
            return Outcome.failure(ErrorClasses.forHttpStatus(status), LlmSession.httpMessage(status, body, apiKey), timings);
        }
        return Outcome.failure(ErrorClasses.PROTOCOL, "expected a text/event-stream answer, got "
                + (contentType == null ? "no content type" : contentType) + ": " + LlmProviders.excerpt(body, apiKey), timings);
    }

    private boolean streaming() {
        return status >= 200 && status <= 299 && contentType != null
                && contentType.toLowerCase(Locale.ROOT).startsWith("text/event-stream");
    }

    private Outcome cutOffOutcome(String errorClass, String message) {
        long now = clock.nanoTime();
        if (streaming()) {
            return collector.outcome(now, connectNanos, errorClass, message);
        }
        return Outcome.failure(errorClass, message, new Timings(send, firstByte, now, connectNanos));
    }

    @Override
    protected void failed(IOException e, boolean connecting) {
        boolean nothingReceived = firstByte == Timings.NONE;
        if (reused && !retried && nothingReceived && e instanceof ConnectionClosedException) {
            // a kept-alive connection the server had closed while idle: once more on a new one
            retried = true;
            resendOnNewConnection();
            return;
        }
        TransportErrors.Reason reason = TransportErrors.classify(e, connecting, timeoutMillis);
        end(streaming() ? collector.outcome(clock.nanoTime(), connectNanos, reason.errorClass(),
                "the stream broke off (" + reason.message() + ")")
                : Outcome.failure(reason.errorClass(), reason.message(), new Timings(send, firstByte, clock.nanoTime(), connectNanos)));
    }

    @Override
    public long checkDeadline(long now) {
        if (done == null || connectTimedOut(now, deadline)) {
            return Long.MAX_VALUE;
        }
        if (now >= deadline) {
            drop();
            end(cutOffOutcome(ErrorClasses.TIMEOUT, "not finished within " + timeoutMillis + " ms"));
            return Long.MAX_VALUE;
        }
        return nextDeadline(deadline);
    }

    /** Hands the outcome over once; the callback may submit the next request at once. */
    private void end(Outcome outcome) {
        Consumer<Outcome> callback = done;
        done = null;
        collector = null;
        if (callback != null) {
            callback.accept(outcome);
        }
    }

    @Override
    protected void dropped() {
        parser.discard();
    }

    // ResponseSink: what the parser found, on the loop thread

    @Override
    public void clear() {
        status = 0;
        contentType = null;
        refusedBody.reset();
    }

    @Override
    public void status(int status) {
        this.status = status;
    }

    @Override
    public void header(String name, String value) {
        if (contentType == null && name.equalsIgnoreCase("content-type")) {
            contentType = value;
        }
    }

    @Override
    public void body(byte[] bytes, int offset, int length) {
        if (streaming()) {
            collector.bytes(bytes, offset, length, readAt);
        } else {
            refusedBody.write(bytes, offset, Math.min(length, Math.max(0, MAX_ERROR_BODY - refusedBody.size())));
        }
    }
}
