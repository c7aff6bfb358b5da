package dev.benchdeck.mockllm;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Matches method and path to an endpoint, answers refusals in the provider's format and counts outcomes. */
final class Router implements HttpHandler {

    private final MockStats stats;
    private final Endpoint chat;
    private final Endpoint completions;
    private final Endpoint messages;
    private final AutomationEndpoints automations;
    private final ControlEndpoints control;
    /** When set, /mock/* (configuration and statistics) needs {@code Authorization: Bearer <token>}. */
    private final String adminToken;

    Router(Supplier<MockLlmConfig> config, Consumer<MockLlmConfig> update, MockStats stats, String adminToken,
           StreamScheduler scheduler) {
        this.stats = stats;
        this.chat = OpenAiEndpoint.chat(config, stats, scheduler);
        this.completions = OpenAiEndpoint.completions(config, stats, scheduler);
        this.messages = new AnthropicEndpoint(config, stats, scheduler);
        this.automations = new AutomationEndpoints(config);
        this.control = new ControlEndpoints(config, update, stats);
        this.adminToken = adminToken;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        long startNanos = System.nanoTime();
        stats.requestReceived();
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        Dialect dialect = path.startsWith("/v1/messages") ? Dialect.ANTHROPIC : Dialect.OPENAI;
        try {
            if (adminToken != null && path.startsWith("/mock/") && !authorised(exchange.getRequestHeaders().getFirst("Authorization"))) {
                throw new RefusedRequest(ErrorKind.UNAUTHORIZED, "the mock's control endpoints need Authorization: Bearer <admin token>");
            }
            Outcome outcome = route(method, path).handle(exchange, startNanos);
            if (outcome != null) { // null: a stream the scheduler plays, counted and closed when it ends
                stats.count(outcome);
                exchange.close();
            }
        } catch (RefusedRequest refused) {
            stats.count(outcomeOf(refused.kind));
            Replies.error(exchange, dialect, refused.kind, refused.getMessage());
            exchange.close();
        } catch (ConnectionDropped dropped) {
            stats.count(Outcome.DROPPED);
            // thrown out of the handler, the JDK server closes the socket without the body's last chunk
            throw dropped;
        } catch (IOException gone) {
            stats.count(Outcome.CLIENT_DISCONNECTED);
            throw gone;
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            throw new IOException("mock server stopping", stopping);
        }
    }

    private Endpoint route(String method, String path) {
        switch (path) {
            case "/v1/chat/completions": return only("POST", method, chat);
            case "/v1/completions": return only("POST", method, completions);
            case "/v1/messages": return only("POST", method, messages);
            case "/mock/stats": return only("GET", method, control.getStats());
            case "/mock/config": return method.equals("PUT") ? control.putConfig() : only("GET", method, control.getConfig());
            default: break;
        }
        String[] parts = path.split("/", -1);
        if (parts.length == 4 && parts[0].isEmpty() && parts[1].equals("automations") && !parts[2].isEmpty() && !parts[3].isEmpty()) {
            if (parts[2].equals("runs") && method.equals("GET")) {
                return automations.status(parts[3]);
            }
            switch (parts[3]) {
                case "run": return only("POST", method, automations.sync(parts[2]));
                case "runs": return only("POST", method, automations.async(parts[2]));
                case "stream": return only("POST", method, automations.stream(parts[2]));
                default: break;
            }
        }
        throw new RefusedRequest(ErrorKind.NOT_FOUND, "no such endpoint: " + method + " " + path);
    }

    private boolean authorised(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return java.security.MessageDigest.isEqual(authorization.substring(7).strip().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                adminToken.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static Endpoint only(String allowed, String method, Endpoint endpoint) {
        if (!allowed.equals(method)) {
            throw new RefusedRequest(ErrorKind.METHOD_NOT_ALLOWED, "use " + allowed + " here, not " + method);
        }
        return endpoint;
    }

    private static Outcome outcomeOf(ErrorKind kind) {
        return switch (kind) {
            case NOT_FOUND -> Outcome.NOT_FOUND;
            case RATE_LIMITED -> Outcome.RATE_LIMITED;
            case SERVER_ERROR, STREAM_ERROR -> Outcome.SERVER_ERROR;
            case BAD_REQUEST, METHOD_NOT_ALLOWED, UNAUTHORIZED -> Outcome.BAD_REQUEST;
        };
    }
}
