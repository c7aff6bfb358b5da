package dev.benchdeck.driver.http;

import java.io.IOException;

/** The server's answer broke HTTP/1.1 framing; reported as a {@code protocol} error. */
public final class MalformedResponseException extends IOException {

    public MalformedResponseException(String message) {
        super(message);
    }

    /** No stack trace: a broken server can produce these at the full request rate. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
