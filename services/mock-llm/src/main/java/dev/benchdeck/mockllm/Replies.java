package dev.benchdeck.mockllm;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Whole (non-streamed) answers and request bodies. */
final class Replies {

    /** Prompts are small; anything larger is refused rather than buffered. */
    private static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

    private Replies() {
    }

    static void json(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    static void error(HttpExchange exchange, Dialect dialect, ErrorKind kind, String message) throws IOException {
        json(exchange, kind.status, dialect.errorBody(kind, message));
    }

    static byte[] body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw RefusedRequest.badRequest("the request body is larger than " + MAX_BODY_BYTES + " bytes");
            }
            return bytes;
        }
    }
}
