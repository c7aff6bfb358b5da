package dev.benchdeck.driver.http;

import java.io.IOException;

/** The peer closed the connection before the response was complete; reported as a {@code reset}. */
public final class ConnectionClosedException extends IOException {

    private final boolean beforeResponse;

    public ConnectionClosedException(boolean beforeResponse) {
        super(beforeResponse ? "connection closed by peer before responding" : "connection closed by peer mid-response");
        this.beforeResponse = beforeResponse;
    }

    /** True when not one byte of the response arrived, so an idempotent request may be sent again. */
    public boolean beforeResponse() {
        return beforeResponse;
    }

    /** No stack trace: a server closing kept-alive connections causes these routinely. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
