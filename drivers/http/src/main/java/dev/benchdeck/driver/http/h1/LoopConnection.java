package dev.benchdeck.driver.http.h1;

import dev.benchdeck.engine.driver.Timings;
import dev.benchdeck.engine.time.EngineClock;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.time.Duration;

/**
 * One kept-alive, non-blocking connection on an {@link EventLoop}, carrying one request at a time:
 * connect (bounded by the connect timeout), write the request, then read when the loop says so.
 * What the answer means is the subclass's: an HTTP response ({@link NonBlockingHttp1Session}) or
 * an LLM stream (the llm driver's {@code LoopStream}). Loop thread only.
 */
public abstract class LoopConnection implements EventLoop.Channel {

    protected final EventLoop loop;
    protected final EngineClock clock;
    private final InetSocketAddress address;
    private final Duration connectTimeout;

    private SocketChannel channel;
    private SelectionKey key;
    private boolean connected;
    private long connectStart;
    private long connectDeadline;
    /** How long the last connect took, for the request's timings. */
    protected long connectNanos;
    /** The request being written; set before {@link #send(long)}. */
    protected ByteBuffer out;
    /** When the answer's first bytes were read ({@code Timings.NONE} until then); reset per request by the subclass. */
    protected long firstByte = Timings.NONE;
    /** When the last read returned: every byte it brought had arrived by then. */
    protected long readAt;
    /** Whether the request in flight went on a kept-alive connection. */
    protected boolean reused;

    protected LoopConnection(EventLoop loop, EngineClock clock, InetSocketAddress address, Duration connectTimeout) {
        this.loop = loop;
        this.clock = clock;
        this.address = address;
        this.connectTimeout = connectTimeout;
    }

    /** Whether a request is in flight; bytes that arrive without one mean the connection is unusable. */
    protected abstract boolean inFlight();

    /** The request is written: the answer may come. */
    protected abstract void written();

    /** The channel is readable. */
    protected abstract void read(SocketChannel channel) throws IOException;

    /** The connection failed (connect, write or read); it has been dropped. */
    protected abstract void failed(IOException e, boolean whileConnecting);

    /** The connection was closed; parsers forget what they buffered. */
    protected abstract void dropped();

    /**
     * Watches the request's {@code deadline} and writes {@link #out} on the kept-alive connection
     * ({@link #reused}) or on a new one.
     */
    protected final void send(long deadline) {
        loop.watch(this, deadline);
        reused = channel != null;
        try {
            if (reused) {
                write();
            } else {
                connect();
            }
        } catch (IOException e) {
            fail(e);
        }
    }

    /** Writes {@link #out} again, from its start, on a new connection (the kept-alive one turned out closed). */
    protected final void resendOnNewConnection() {
        reused = false;
        out.rewind();
        try {
            connect();
        } catch (IOException e) {
            fail(e);
        }
    }

    private void connect() throws IOException {
        connectStart = clock.nanoTime();
        long limit = connectTimeout.toNanos();
        connectDeadline = limit > Long.MAX_VALUE - connectStart ? Long.MAX_VALUE : connectStart + limit;
        connected = false;
        channel = SocketChannel.open();
        channel.configureBlocking(false);
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        key = channel.register(loop.selector(), 0, this);
        loop.watch(this, connectDeadline);
        if (channel.connect(address)) {
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
            written();
        }
    }

    @Override
    public final void ready(SelectionKey ready) {
        if (ready != key) {
            return;
        }
        if (!inFlight()) {
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
            int ops = ready.readyOps();
            if ((ops & SelectionKey.OP_WRITE) != 0 && out.hasRemaining()) {
                write();
            }
            if ((ops & SelectionKey.OP_READ) != 0 && !out.hasRemaining() && inFlight() && ready == key) {
                read(channel);
            }
        } catch (IOException e) {
            fail(e);
        }
    }

    /** Drops the connection and reports {@code e} through {@link #failed}. */
    protected final void fail(IOException e) {
        boolean whileConnecting = connecting();
        drop();
        failed(e, whileConnecting);
    }

    /**
     * One read into {@code parser}: true once the response is complete (the connection is dropped
     * when it may not carry another request). Sets {@link #readAt} and {@link #firstByte}.
     */
    protected final boolean readResponse(SocketChannel channel, ResponseParser parser) throws IOException {
        ByteBuffer space = parser.space();
        int n = channel.read(space);
        boolean complete;
        if (n < 0) {
            complete = parser.endOfStream() && parser.parse();
        } else {
            readAt = clock.nanoTime();
            if (n > 0 && firstByte == Timings.NONE) {
                firstByte = readAt;
            }
            parser.filled(n);
            complete = parser.parse();
        }
        if (complete && !parser.reusable()) {
            drop();
        }
        return complete;
    }

    /** A connect still under way. */
    protected final boolean connecting() {
        return channel != null && !connected;
    }

    /**
     * The connect's share of a deadline check: fails the request when the connect timeout passed first
     * (returns true); {@code next} gets the deadline to watch.
     */
    protected final boolean connectTimedOut(long now, long requestDeadline) {
        if (connecting() && now >= connectDeadline && connectDeadline < requestDeadline) {
            fail(new ConnectException("connect timed out after " + connectTimeout.toMillis() + " ms"));
            return true;
        }
        return false;
    }

    /** The next deadline to watch for a request due at {@code requestDeadline}. */
    protected final long nextDeadline(long requestDeadline) {
        return connecting() ? Math.min(requestDeadline, connectDeadline) : requestDeadline;
    }

    /** Closes the connection; the next request opens a new one. */
    protected final void drop() {
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
        dropped();
    }
}
