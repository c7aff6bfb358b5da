package dev.benchdeck.driver.http.h1;

import dev.benchdeck.engine.time.EngineClock;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;

/**
 * One open HTTP/1.1 connection (plain or TLS) with its response buffer. Used by one thread at a
 * time; {@link #abort()} may be called from another thread to unblock it.
 */
public final class Http1Connection {

    private final Socket raw;
    private final Socket socket;
    private final OutputStream out;
    private final ResponseReader reader;

    /**
     * @param raw    the TCP socket
     * @param socket the socket spoken through: {@code raw} itself, or a TLS socket layered on it
     */
    public Http1Connection(Socket raw, Socket socket, EngineClock clock) throws IOException {
        this.raw = raw;
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.reader = new ResponseReader(socket.getInputStream(), socket::setSoTimeout, clock);
    }

    /** Writes the whole request at once: one system call for a request that fits the socket buffer. */
    public void send(byte[] request, int length) throws IOException {
        out.write(request, 0, length);
    }

    /** Reads the response; its status, timings and reusability stay readable on the returned reader. */
    public ResponseReader receive(long deadline, boolean headRequest) throws IOException {
        return receive(deadline, headRequest, null);
    }

    /** As {@link #receive(long, boolean)}, keeping headers and body in {@code capture} unless {@code null}. */
    public ResponseReader receive(long deadline, boolean headRequest, ResponseCapture capture) throws IOException {
        reader.read(deadline, headRequest, capture);
        return reader;
    }

    public ResponseReader lastResponse() {
        return reader;
    }

    /** Closes the connection politely (TLS close_notify when possible). */
    public void close() {
        try {
            socket.close();
        } catch (IOException | RuntimeException e) {
            // the connection is being dropped either way
        }
        abort();
    }

    /**
     * Closes the TCP socket at once, from any thread. The TLS socket is left alone because closing
     * it would wait for locks held by a thread blocked in a read.
     */
    public void abort() {
        try {
            raw.close();
        } catch (IOException e) {
            // already closed or failing: nothing more to release
        }
    }
}
