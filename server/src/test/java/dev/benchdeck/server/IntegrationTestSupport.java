package dev.benchdeck.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchdeck.server.system.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The one Spring context all integration tests share: the whole server on a random port against a
 * real embedded PostgreSQL on a random port, in a temporary data directory removed at the end. A test
 * that needs a server of its own sets {@code benchdeck.test.instance} (and gets its own data directory).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "benchdeck.embedded-db.port=0",
        "benchdeck.embedded-db.delete-on-stop=true",
        "benchdeck.mock-llm.port=0",
        // runs execute in the test's JVM (each through a local agent would wait for its start); LocalAgentsIntegrationTest has them
        "benchdeck.agents.local=false",
        "logging.level.dev.benchdeck=warn",
        // the tests share one address and one admin token: limits of their own tests only (SecurityLimitsIntegrationTest)
        "benchdeck.security.api.requests-per-second=1000000", "benchdeck.security.api.burst=1000000",
        "benchdeck.security.sign-in.attempts-per-address-per-minute=1000000",
        "benchdeck.security.sign-in.address-free-failures=1000000",
        // schedules may fire every second and webhook retries come quickly, so their tests take seconds
        "benchdeck.schedules.poll=500ms", "benchdeck.schedules.min-interval=1s",
        "benchdeck.notifications.first-retry=200ms", "benchdeck.notifications.retry-poll=100ms"})
public abstract class IntegrationTestSupport {

    private static final Path DATA_DIR = tempDir();
    /** The SMTP server every test context sends its e-mail notifications to. */
    protected static final SmtpReceiver SMTP = SmtpReceiver.start();
    protected static final String SMTP_USER = "benchdeck-mailer";
    protected static final String SMTP_PASSWORD = "an smtp password for the tests 91d2";
    protected static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The admin every test acts as unless it says otherwise; its password (and token) appear in no log or answer. */
    protected static final String ADMIN = "test-admin";
    protected static final String ADMIN_PASSWORD = "an admin password for the tests 7f3c";
    private static final java.util.Map<Integer, String> ADMIN_TOKENS = new java.util.concurrent.ConcurrentHashMap<>();

    @LocalServerPort
    protected int port;

    @org.springframework.beans.factory.annotation.Autowired
    protected dev.benchdeck.server.user.UserService userService;

    @org.springframework.beans.factory.annotation.Autowired
    protected dev.benchdeck.server.token.TokenService tokenService;

    /** The admin's API token in this test's server (the admin is made on first use). */
    protected String adminToken() {
        return ADMIN_TOKENS.computeIfAbsent(port, p -> {
            var admin = userService.list().stream().filter(u -> u.username().equals(ADMIN)).findFirst()
                    .orElseGet(() -> userService.create(ADMIN, ADMIN_PASSWORD, dev.benchdeck.server.security.Role.ADMIN, false));
            return tokenService.create(admin.id(), "tests", java.util.List.of(dev.benchdeck.server.security.TokenScope.ADMIN), null).secret();
        });
    }

    /** A new user with the role and, for them, an API token whose scopes are what the role allows. */
    protected TestUser newUser(String prefix, dev.benchdeck.server.security.Role role) {
        String name = prefix + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String password = "pw " + java.util.UUID.randomUUID() + " of a test user";
        var user = userService.create(name, password, role, false);
        var scope = switch (role) {
            case VIEWER -> dev.benchdeck.server.security.TokenScope.READ;
            case EDITOR -> dev.benchdeck.server.security.TokenScope.RUN;
            case ADMIN -> dev.benchdeck.server.security.TokenScope.ADMIN;
        };
        String token = tokenService.create(user.id(), "tests", java.util.List.of(scope), null).secret();
        return new TestUser(user.id(), name, password, token);
    }

    public record TestUser(long id, String username, String password, String token) {
    }

    /** Each context its own data directory (and so its own embedded PostgreSQL): {@code benchdeck.test.instance} names it. */
    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("benchdeck.data-dir", () -> DATA_DIR + "/${benchdeck.test.instance:shared}");
        registry.add("benchdeck.notifications.smtp.host", () -> "127.0.0.1");
        registry.add("benchdeck.notifications.smtp.port", SMTP::port);
        registry.add("benchdeck.notifications.smtp.security", () -> "none"); // the test server speaks plain text on loopback
        registry.add("benchdeck.notifications.smtp.from", () -> "benchdeck@example.com");
        registry.add("benchdeck.notifications.smtp.username", () -> SMTP_USER);
        registry.add("benchdeck.notifications.smtp.password", () -> SMTP_PASSWORD);
    }

    /**
     * The {@code Authorization} header value that tests sending requests of their own (the fuzz) add, or
     * null for none. Once the API needs a user, this is the one line that supplies one.
     */
    protected String apiAuthorization() {
        return "Bearer " + adminToken();
    }

    protected URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    protected Response get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    protected Response post(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)));
    }

    protected Response put(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Sends as the test admin (with its Bearer token) unless the request has an Authorization header of its own. */
    protected Response send(HttpRequest.Builder request) {
        HttpRequest built = request.timeout(Duration.ofSeconds(20)).build();
        if (built.uri().getPort() == port && built.headers().firstValue("Authorization").isEmpty()) {
            built = HttpRequest.newBuilder(built, (name, value) -> true).header("Authorization", apiAuthorization()).build();
        }
        return sendAsIs(built);
    }

    /** Sends exactly this request (no credentials added): anonymous unless it carries its own. */
    protected Response sendAsIs(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The demo target's id (created on first start). */
    protected long demoTargetId() {
        for (JsonNode target : get("/api/v1/targets").json()) {
            if (target.get("name").asText().equals("Benchdeck demo endpoints")) {
                return target.get("id").asLong();
            }
        }
        throw new AssertionError("no demo target");
    }

    protected long createScenario(String name, String planYaml) {
        String body = Json.write(java.util.Map.of("name", name, "target_id", demoTargetId(), "plan_yaml", planYaml));
        Response created = post("/api/v1/scenarios", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    protected long trigger(long scenarioId) {
        Response run = post("/api/v1/scenarios/" + scenarioId + "/runs", null);
        assertThat(run.status()).as(run.body()).isEqualTo(202);
        assertThat(run.json().get("status").asText()).isIn("queued", "running");
        return run.json().get("id").asLong();
    }

    /** Polls the run until the condition holds; returns the run. */
    protected JsonNode awaitRun(long runId, Predicate<JsonNode> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode run;
        do {
            run = get("/api/v1/runs/" + runId).json();
            if (condition.test(run)) {
                return run;
            }
            sleep(50);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("run " + runId + " did not get there in " + timeout + "; last: " + run);
    }

    protected static Predicate<JsonNode> status(String status) {
        return run -> run.get("status").asText().equals(status);
    }

    protected static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Path tempDir() {
        try {
            Path dir = Files.createTempDirectory("benchdeck-it-");
            dir.toFile().deleteOnExit(); // empty by then: each context's data directory goes when it stops
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A postgres target (as the API takes it) pointing at the embedded PostgreSQL the server itself runs on. */
    protected static java.util.Map<String, Object> postgresTarget(String name, dev.benchdeck.embeddedpg.EmbeddedPostgres pg, String password) {
        return java.util.Map.of("name", name, "kind", "postgres",
                "options", java.util.Map.of("host", "127.0.0.1", "port", pg.port(), "database", "postgres", "user", pg.user(),
                        "sslmode", "disable", "connect_timeout", "5s"),
                "credentials", java.util.Map.of("password", password));
    }

    protected long createTarget(java.util.Map<String, Object> target) {
        Response created = post("/api/v1/targets", Json.write(target));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    /** Opens the live feed and subscribes to a run; every message lands in {@code messages}. */
    protected java.net.http.WebSocket subscribe(long runId, java.util.concurrent.BlockingQueue<JsonNode> messages) throws Exception {
        // its own client: a handshake on a pooled connection that Tomcat retires (keep-alive limit) fails with "Connection: upgrade, close"
        java.net.http.WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .header("Authorization", "Bearer " + adminToken())
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/api/v1/live"), new LiveCollector(messages))
                .get(5, java.util.concurrent.TimeUnit.SECONDS);
        socket.sendText("{\"subscribe\": " + runId + "}", true).get(5, java.util.concurrent.TimeUnit.SECONDS);
        return socket;
    }

    /** Collects whole text messages of a WebSocket as JSON. */
    protected static final class LiveCollector implements java.net.http.WebSocket.Listener {
        private final java.util.concurrent.BlockingQueue<JsonNode> messages;
        private final StringBuilder partial = new StringBuilder();

        public LiveCollector(java.util.concurrent.BlockingQueue<JsonNode> messages) {
            this.messages = messages;
        }

        @Override
        public java.util.concurrent.CompletionStage<?> onText(java.net.http.WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                messages.add(Json.read(partial.toString()));
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }
    }

    public record Response(int status, String contentType, String body) {
        public JsonNode json() {
            return Json.read(body);
        }
    }
}
