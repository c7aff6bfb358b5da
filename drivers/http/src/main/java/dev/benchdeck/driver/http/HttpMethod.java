package dev.benchdeck.driver.http;

import java.nio.charset.StandardCharsets;

/** The request methods a workload may use. */
public enum HttpMethod {
    GET(true), HEAD(true), POST(false), PUT(true), PATCH(false), DELETE(true), OPTIONS(true);

    private final boolean idempotent;

    HttpMethod(boolean idempotent) {
        this.idempotent = idempotent;
    }

    /** Whether a request may be sent again after a kept-alive connection turned out to be closed (RFC 9110 §9.2.2). */
    public boolean idempotent() {
        return idempotent;
    }

    /** Whether servers usually expect a Content-Length even when the body is empty. */
    public boolean sendsBody() {
        return this == POST || this == PUT || this == PATCH;
    }

    public byte[] ascii() {
        return name().getBytes(StandardCharsets.US_ASCII);
    }
}
