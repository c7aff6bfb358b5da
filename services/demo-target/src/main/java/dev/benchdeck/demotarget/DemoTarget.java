package dev.benchdeck.demotarget;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Arrays;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A small HTTP server with endpoints made for trying Benchdeck out and for tests, so that the
 * examples work with nothing else installed:
 * {@code /hello} (a 100-byte text), {@code /delay/{ms}}, {@code /status/{code}},
 * {@code /flaky/{percent}} (that share of answers are 503), {@code /echo} (answers the request body),
 * {@code /metrics}: its own request counts and requests in flight in Prometheus' text format, so
 * that a run can show the target's view beside the load; and a tiny shop for user journeys:
 * {@code POST /login} (a JSON token and a session cookie), {@code /products}, {@code /products/{id}},
 * {@code POST /cart} (needs the session cookie) and {@code POST /checkout} (needs the token as a bearer).
 * The shop keeps no state: any token it could have issued and any session cookie it sets are accepted.
 * {@link #setExtraDelayMillis} slows every answer but {@code /metrics} down by a fixed time, so that a demo can
 * show a regression without changing its plan.
 */
public final class DemoTarget implements AutoCloseable {

    static final byte[] HELLO = "Hello from the Benchdeck demo target. This text is exactly one hundred bytes long, for benchmarks!!\n"
            .getBytes(StandardCharsets.US_ASCII);

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final DemoMetrics metrics = new DemoMetrics();
    /** The largest extra delay {@link #setExtraDelayMillis} takes. */
    public static final int MAX_EXTRA_DELAY_MS = 10_000;
    private volatile int extraDelayMs;

    private DemoTarget(HttpServer server) {
        this.server = server;
    }

    /** Starts on 127.0.0.1 at {@code port} (0 picks a free one). */
    public static DemoTarget start(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 4096);
        DemoTarget target = new DemoTarget(server);
        server.createContext("/", target::handle);
        server.setExecutor(target.executor);
        server.start();
        return target;
    }

    /**
     * Whether a Benchdeck demo target answers on 127.0.0.1:{@code port}: its {@code /hello} gives
     * exactly this class's 100-byte text (within a second).
     */
    public static boolean isRunningAt(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            socket.setSoTimeout(1000);
            socket.getOutputStream().write("GET /hello HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] answer = socket.getInputStream().readNBytes(4096);
            String head = new String(answer, StandardCharsets.US_ASCII);
            return head.startsWith("HTTP/1.1 200 ") && answer.length >= HELLO.length
                    && Arrays.equals(answer, answer.length - HELLO.length, answer.length, HELLO, 0, HELLO.length);
        } catch (IOException e) {
            return false;
        }
    }

    /** Every answer but {@code /metrics} waits this long first (0, the default: none); 0..{@value #MAX_EXTRA_DELAY_MS} ms. */
    public void setExtraDelayMillis(int ms) {
        if (ms < 0 || ms > MAX_EXTRA_DELAY_MS) {
            throw new IllegalArgumentException("the extra delay must be 0.." + MAX_EXTRA_DELAY_MS + " ms, got " + ms);
        }
        extraDelayMs = ms;
    }

    public int extraDelayMillis() {
        return extraDelayMs;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String[] parts = exchange.getRequestURI().getPath().split("/");
        String endpoint = parts.length > 1 ? parts[1] : "";
        metrics.started();
        try {
            respond(exchange, endpoint, parts.length > 2 ? parts[2] : "");
        } finally {
            metrics.finished(endpoint, exchange.getResponseCode());
        }
    }

    private void respond(HttpExchange exchange, String endpoint, String argument) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            int extra = extraDelayMs;
            if (extra > 0 && !endpoint.equals("metrics")) {
                sleep(extra);
            }
            switch (endpoint) {
                case "hello" -> answer(exchange, 200, HELLO);
                case "echo" -> answer(exchange, 200, body);
                case "delay" -> {
                    Integer ms = number(argument, 0, 60_000);
                    if (ms == null) {
                        answer(exchange, 400, text("delay must be 0..60000 ms, e.g. /delay/20\n"));
                        return;
                    }
                    sleep(ms);
                    answer(exchange, 200, text("waited " + ms + " ms\n"));
                }
                case "status" -> {
                    Integer code = number(argument, 200, 599);
                    answer(exchange, code == null ? 400 : code, text(code == null ? "status must be 200..599\n" : "status " + code + "\n"));
                }
                case "flaky" -> {
                    Integer percent = number(argument, 0, 100);
                    if (percent == null) {
                        answer(exchange, 400, text("flaky takes a percentage 0..100, e.g. /flaky/5\n"));
                        return;
                    }
                    boolean fail = ThreadLocalRandom.current().nextInt(100) < percent;
                    answer(exchange, fail ? 503 : 200, text(fail ? "unlucky\n" : "lucky\n"));
                }
                case "metrics" -> {
                    exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
                    byte[] page = text(metrics.page());
                    exchange.sendResponseHeaders(200, page.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(page);
                    }
                }
                case "login" -> {
                    long id = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
                    exchange.getResponseHeaders().add("Set-Cookie", "demo_session=s-" + Long.toHexString(id) + "; Path=/; HttpOnly");
                    json(exchange, 200, "{\"token\":\"tok-" + Long.toHexString(id) + "\",\"expires_in\":3600}");
                }
                case "products" -> {
                    if (argument.isEmpty()) {
                        json(exchange, 200, "{\"items\":[{\"id\":1,\"name\":\"lamp\",\"price\":12},"
                                + "{\"id\":2,\"name\":\"mug\",\"price\":7},{\"id\":3,\"name\":\"desk\",\"price\":140}]}");
                        return;
                    }
                    Integer id = number(argument, 1, 3);
                    json(exchange, id == null ? 404 : 200, id == null ? "{\"error\":\"no such product\"}"
                            : "{\"id\":" + id + ",\"name\":\"" + PRODUCTS[id - 1] + "\",\"in_stock\":true}");
                }
                case "cart" -> {
                    String cookie = exchange.getRequestHeaders().getFirst("Cookie");
                    boolean session = cookie != null && cookie.contains("demo_session=s-");
                    json(exchange, session ? 200 : 401, session ? "{\"items\":1}" : "{\"error\":\"sign in first\"}");
                }
                case "checkout" -> {
                    String auth = exchange.getRequestHeaders().getFirst("Authorization");
                    boolean signedIn = auth != null && auth.startsWith("Bearer tok-");
                    json(exchange, signedIn ? 200 : 401, signedIn
                            ? "{\"order\":\"o-" + Long.toHexString(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE)) + "\",\"status\":\"paid\"}"
                            : "{\"error\":\"sign in first\"}");
                }
                default -> answer(exchange, 404, text("try /hello, /delay/20, /status/503, /flaky/5, /echo, /metrics, POST /login,"
                        + " /products or /products/1\n"));
            }
        }
    }

    private static final String[] PRODUCTS = {"lamp", "mug", "desk"};

    private static void json(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = text(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static Integer number(String text, int min, int max) {
        try {
            int value = Integer.parseInt(text);
            return value >= min && value <= max ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static void sleep(int ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
