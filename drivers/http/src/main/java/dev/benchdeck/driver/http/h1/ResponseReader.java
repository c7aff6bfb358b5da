package dev.benchdeck.driver.http.h1;

import dev.benchdeck.engine.driver.Timings;
import dev.benchdeck.engine.time.EngineClock;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;

/**
 * Reads HTTP/1.1 responses from one blocking connection: fills a {@link ResponseParser} from the
 * stream until a whole response is in, keeping the request deadline on every read.
 */
final class ResponseReader {

    public static final int BUFFER_SIZE = ResponseParser.BUFFER_SIZE;

    /** Sets the socket's read timeout before each blocking read, so the request deadline holds. */
    @FunctionalInterface
    public interface ReadTimeout {
        void set(int millis) throws IOException;
    }

    private final InputStream in;
    private final ReadTimeout readTimeout;
    private final EngineClock clock;
    private final ResponseParser parser = new ResponseParser();

    private long firstByteNanos = Timings.NONE;

    public ResponseReader(InputStream in, ReadTimeout readTimeout, EngineClock clock) {
        this.in = in;
        this.readTimeout = readTimeout;
        this.clock = clock;
    }

    /** Reads one whole response (skipping 1xx interim ones), giving up at {@code deadline}. */
    public void read(long deadline, boolean headRequest) throws IOException {
        read(deadline, headRequest, null);
    }

    /** As {@link #read(long, boolean)}, keeping the response's headers and body in {@code capture} unless {@code null}. */
    public void read(long deadline, boolean headRequest, ResponseCapture capture) throws IOException {
        firstByteNanos = parser.begin(headRequest, capture) ? clock.nanoTime() : Timings.NONE;
        while (!parser.parse()) {
            if (!fill(deadline) && parser.endOfStream()) {
                parser.parse();
                return;
            }
        }
    }

    public int status() {
        return parser.status();
    }

    public long firstByteNanos() {
        return firstByteNanos;
    }

    public boolean receivedNothing() {
        return parser.receivedNothing();
    }

    /** Whether the connection may carry another request. */
    public boolean reusable() {
        return parser.reusable();
    }

    /** Reads more bytes into the parser; false at end of stream. */
    private boolean fill(long deadline) throws IOException {
        ByteBuffer space = parser.space();
        long remaining = deadline - clock.nanoTime();
        if (remaining <= 0) {
            throw new SocketTimeoutException("request deadline passed");
        }
        readTimeout.set((int) Math.min(Integer.MAX_VALUE, Math.max(1, (remaining + 999_999) / 1_000_000)));
        int n = in.read(space.array(), space.position(), space.remaining());
        if (n < 0) {
            return false;
        }
        if (firstByteNanos == Timings.NONE && n > 0) {
            firstByteNanos = clock.nanoTime();
        }
        parser.filled(n);
        return true;
    }
}
