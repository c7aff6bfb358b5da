package dev.benchdeck.driver.jdbc.credentials;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A local stand-in for a Databricks workspace's database-credential endpoints, on 127.0.0.1 over
 * plain HTTP: {@code POST /api/2.0/database/credentials} (provisioned instances, answers
 * {@code token} + {@code expiration_time}) and {@code POST /api/2.0/postgres/credentials}
 * (autoscaling endpoints, {@code token} + {@code expire_time}). It records every request.
 *
 * <p>The SDK takes {@code http://127.0.0.1:port} as the workspace host as it is: no TLS or host-name
 * form is enforced. Before its first call it probes {@code GET /.well-known/databricks-config} and
 * {@code GET /oidc/.well-known/oauth-authorization-server} (unauthenticated); answering them 404 is fine.
 */
public final class FakeWorkspace implements AutoCloseable {

    /** One request the fake received. */
    public record Received(String method, String path, String authorization, String body) {
    }

    /** What to answer: a status and a JSON body. */
    public record Answer(int status, String json) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile Function<Received, Answer> answers;

    public FakeWorkspace(Function<Received, Answer> answers) {
        this.answers = answers;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    /** Issues {@code token} for both endpoints, expiring at {@code expiresAt}. */
    public static Answer token(Received request, String token, Instant expiresAt) {
        String expiryField = request.path().startsWith("/api/2.0/postgres/") ? "expire_time" : "expiration_time";
        return new Answer(200, "{\"token\":\"" + token + "\",\"" + expiryField + "\":\"" + expiresAt + "\"}");
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Received> received() {
        return received;
    }

    public void answer(Function<Received, Answer> answers) {
        this.answers = answers;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Received request = new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Authorization"), body);
            received.add(request);
            Answer answer = answers.apply(request);
            byte[] bytes = answer.json().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
