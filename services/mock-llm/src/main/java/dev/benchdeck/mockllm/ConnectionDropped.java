package dev.benchdeck.mockllm;

import java.io.IOException;

/**
 * Thrown out of a handler to make the JDK server close the socket at once, without the chunked
 * body's last chunk: the client sees a connection cut mid-stream.
 */
final class ConnectionDropped extends IOException {

    ConnectionDropped() {
        super("mock fault: connection dropped mid-stream", null);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
