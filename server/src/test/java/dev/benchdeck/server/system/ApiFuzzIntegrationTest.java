package dev.benchdeck.server.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchdeck.server.IntegrationTestSupport;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * A bounded fuzz of every operation in the OpenAPI document: path tricks, odd query values, malformed
 * and mistyped bodies, huge numbers, NUL and other unicode, wildcard and wrong content types, oversized
 * headers, YAML bombs (billion laughs, deep nesting) in plan fields. At least 10,000 requests within a
 * minute; no answer may be a 5xx, and every 4xx must be a problem detail of the one shape. Path ids
 * are never ids that exist, so nothing the other tests use is changed; creating requests may create
 * targets and scenarios named after the fuzz.
 */
class ApiFuzzIntegrationTest extends IntegrationTestSupport {

    /** How many requests one run sends (issue 11: at least 10,000, in under a minute). */
    static final int REQUESTS = Integer.getInteger("fuzz.requests", 10_000);
    static final int PARALLEL = 8;
    static final Duration WITHIN = Duration.ofSeconds(60);
    /** Billion laughs: nine aliases of nine aliases… would expand to 10^9 strings without the YAML parser's alias limit. */
    static final String YAML_BOMB = billionLaughs();
    private static final long SEED = Long.getLong("fuzz.seed", 20261002L);

    /** Path segments that name no existing id, whatever the parsing. */
    private static final List<String> PATH_VALUES = List.of("987654321", "0", "-1", "1.5", "1e3",
            "99999999999999999999999", "abc", "%00", "%2F", "..%2F..%2F", "%252F", "%C0%AE", "%F0%9F%92%A9",
            "%25", "~", "null", "%E2%80%AE", "a".repeat(300));
    /** Segments that a lenient parser reads as small ids (issue 11): sent with GET only, so that nothing is changed. */
    private static final List<String> LENIENT_IDS = List.of("0x10", "+1", "%201", "%D9%A1", "1;DROP%20TABLE%20runs");
    private static final List<String> QUERY_VALUES = List.of("", "0", "-1", "1", "201", "99999999999999999999", "abc",
            "%00", "%2B1000000000-01-01T00:00:00Z", "-999999999-01-01T00:00:00Z", "2026-13-45T99:99:99Z",
            "2026-01-01T00:00:00Z", "completed", "COMPLETED", "%F0%9F%92%A9", "1e400", "true", "%E2%80%AE");
    private static final List<String> QUERY_NAMES = List.of("status", "target_id", "scenario_id", "from", "to", "page", "size",
            "actor", "action", "limit");
    private static final List<String> CONTENT_TYPES = List.of("application/json", "application/json", "application/json",
            "*/*", "application/*", "text/plain", "application/json; charset=ISO-8859-1", "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x", "%%%", "application/problem+json", "");
    private static final List<String> FIELDS = List.of("name", "kind", "url", "options", "credentials", "target_id",
            "plan_yaml", "description", "sql", "headers", "password", "api_key", "ttft_ms", "faults");

    private record Operation(String method, String path, boolean hasBody) {
    }

    private record Outcome(String request, int status, List<String> problems) {
    }

    @Test
    void noRequestGetsA5xxAndEvery4xxIsAProblemDetailOfOneShape() throws Exception {
        List<Operation> operations = operations();
        assertThat(operations).as("operations in /v3/api-docs").hasSizeGreaterThan(15);
        JsonNode mockConfig = get("/api/v1/mock-llm/config").json();
        Random random = new Random(SEED);
        List<HttpRequest> requests = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            requests.add(request(operations.get(random.nextInt(operations.size())), random));
        }
        long start = System.nanoTime();
        List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService pool = Executors.newFixedThreadPool(PARALLEL)) {
            List<Future<?>> sent = new ArrayList<>();
            for (HttpRequest request : requests) {
                sent.add(pool.submit(() -> outcomes.add(outcome(request))));
            }
            for (Future<?> future : sent) {
                future.get();
            }
        } finally {
            put("/api/v1/mock-llm/config", mockConfig.toString());
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        List<Outcome> bad = outcomes.stream().filter(o -> o.status() >= 500 || !o.problems().isEmpty()).toList();
        assertThat(bad).as("answers that are a 5xx or a 4xx of another shape (seed " + SEED + ", " + REQUESTS + " requests in "
                + took.toMillis() + " ms)").isEmpty();
        assertThat(took).as(REQUESTS + " requests").isLessThan(WITHIN);
        assertThat(outcomes).hasSize(REQUESTS);
        assertThat(outcomes.stream().filter(o -> o.status() >= 400).count()).as("refused requests").isGreaterThan(REQUESTS / 2);
        assertThat(get("/actuator/health/readiness").status()).as("healthy after").isEqualTo(200);
    }

    private List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        JsonNode paths = get("/v3/api-docs").json().path("paths");
        paths.properties().forEach(path -> path.getValue().properties().forEach(method ->
                operations.add(new Operation(method.getKey().toUpperCase(), path.getKey(), method.getValue().has("requestBody")))));
        return operations;
    }

    private HttpRequest request(Operation operation, Random random) {
        List<String> ids = operation.method().equals("GET") && random.nextBoolean() ? LENIENT_IDS : PATH_VALUES;
        String path = operation.path().replaceAll("\\{[^}]+}", pick(ids, random));
        if (random.nextInt(4) == 0) {
            path = path + (random.nextBoolean() ? "/" : "/%2e%2e/x");
        }
        StringBuilder query = new StringBuilder();
        int parameters = random.nextInt(4);
        for (int i = 0; i < parameters; i++) {
            query.append(i == 0 ? "?" : "&").append(pick(QUERY_NAMES, random)).append('=').append(pick(QUERY_VALUES, random));
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path + query))
                .timeout(Duration.ofSeconds(20));
        if (apiAuthorization() != null) {
            builder.header("Authorization", apiAuthorization());
        }
        String contentType = pick(CONTENT_TYPES, random);
        if (!contentType.isEmpty()) {
            builder.header("Content-Type", contentType);
        }
        if (random.nextInt(20) == 0) {
            builder.header("X-Fuzz", "h".repeat(9_000 + random.nextInt(20_000)));
        }
        if (random.nextInt(10) == 0) {
            builder.header("Accept", pick(List.of("text/html", "image/png", "*/*", "application/xml"), random));
        }
        String body = operation.hasBody() || random.nextInt(5) == 0 ? body(random) : null;
        String method = operation.method();
        return builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static String body(Random random) {
        return switch (random.nextInt(12)) {
            case 10 -> "{\"name\": \"fuzz bomb\", \"target_id\": 1, \"plan_yaml\": " + Json.write(pick(List.of(YAML_BOMB,
                    "workload: " + "[".repeat(5_000) + "]".repeat(5_000), "workload: {driver: http, body: \"\u0000\"}\nload: {users: 1}",
                    "load: !!java.lang.Runtime {}", "<<: *missing", "load:\n  users: " + "9".repeat(400)), random)) + "}";
            case 11 -> "{\"" + pick(FIELDS, random) + "\": " + Json.write(pick(List.of("\u0000", "\uFFFF\uFFFE", "\u202E\u0000\r\n",
                    "x\r\nSet-Cookie: a=b", "../../etc/passwd", "%00%0d%0a", "\uD83D\uDCA9".repeat(2_000)), random)) + "}";
            case 0 -> pick(List.of("{", "[1,", "nul", "{\"name\": }", "\u0000", "{\"a\":1}}", "'single'", "\uFEFF{}", "", "{\"name\":\"\\ud800\"}"), random);
            case 1 -> "[".repeat(2_000) + "]".repeat(2_000);
            case 2 -> "{\"x\":" + "{\"x\":".repeat(1_500) + "1" + "}".repeat(1_501);
            case 3 -> "{\"" + pick(FIELDS, random) + "\": " + pick(List.of("1e400", "-1e400", "99999999999999999999999999",
                    "-0", "1.5", "NaN", "true", "null", "[]", "{}", "\"\\u0000\"", "\"" + "x".repeat(5_000) + "\""), random) + "}";
            case 4 -> "{\"name\": \"fuzz " + URLEncoder.encode(String.valueOf(random.nextInt()), StandardCharsets.UTF_8)
                    + " \\u0000 \uD83D\uDCA9 \u202E\", \"kind\": \"http\", \"url\": \"http://127.0.0.1:9/\"}";
            case 5 -> "{\"name\": \"fuzz scenario\", \"target_id\": " + pick(List.of("\"1\"", "1.5", "-1", "987654321", "true"), random)
                    + ", \"plan_yaml\": " + pick(List.of("\"a: [\"", "\"load: {users: 1e400}\"", "\"\\u0000\"", "7", "\"&a [*a, *a]\""), random) + "}";
            case 6 -> "{\"target_id\": 987654321, \"plan_yaml\": \"workload: {driver: jdbc}\\nload: {users: 1, duration: 1s}\"}";
            case 7 -> "{\"sql\": " + pick(List.of("\"select 1\"", "\"\"", "5", "null", "\"" + "(".repeat(1000) + "\""), random) + "}";
            case 8 -> "{\"ttft_ms\": " + pick(List.of("-1", "\"fast\"", "1e30", "{}", "300"), random) + ", \"faults\": "
                    + pick(List.of("{\"drop\": 2}", "[]", "{\"nothing\": 1}", "{\"stall\": 0}"), random) + "}";
            default -> "{\"name\": \"fuzz\", \"kind\": " + pick(List.of("\"postgres\"", "\"llm\"", "\"automation\"", "\"gopher\"", "5"), random)
                    + ", \"url\": " + pick(List.of("\"ftp://x\"", "\"http://\"", "\"http://127.0.0.1:9/\"", "\"\\u0000\"", "[]"), random)
                    + ", \"options\": " + pick(List.of("{\"port\": 99999999999}", "{\"host\": \"\\u0000\"}", "[]", "\"x\"", "{\"model\": 5}"), random)
                    + ", \"credentials\": " + pick(List.of("{\"api_key\": \"k\\n\"}", "{\"headers\": {\"\": \"\"}}", "[]", "{\"password\": 1}"), random) + "}";
        };
    }

    private Outcome outcome(HttpRequest request) {
        String described = request.method() + " " + request.uri().getRawPath()
                + (request.uri().getRawQuery() == null ? "" : "?" + request.uri().getRawQuery())
                + " [" + request.headers().firstValue("Content-Type").orElse("no content type") + "]";
        try {
            HttpResponse<String> response;
            try {
                response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (java.io.IOException e) {
                if (!String.valueOf(e.getMessage()).contains("received no bytes")) {
                    throw e;
                }
                // a pooled keep-alive connection the server had just closed: the JDK retries that only for GET; once more
                response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            }
            Response answer = new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
            List<String> problems = response.statusCode() >= 400 && response.statusCode() < 500 ? ProblemShape.problems(answer) : List.of();
            return new Outcome(described + " -> " + (problems.isEmpty() ? "" : abbreviate(response.body())), response.statusCode(), problems);
        } catch (java.io.IOException e) {
            // a refused oversized request may be cut off by the server after its answer; anything else is a finding
            return new Outcome(described, 599, List.of("no answer: " + e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(described, 599, List.of("interrupted"));
        }
    }

    private static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }

    private static String billionLaughs() {
        StringBuilder yaml = new StringBuilder("a: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n");
        for (char c = 'b'; c <= 'i'; c++) {
            String previous = "*" + (char) (c - 1);
            yaml.append(c).append(": &").append(c).append(" [").append(String.join(", ", java.util.Collections.nCopies(9, previous))).append("]\n");
        }
        return yaml.append("workload: *i\nload: {users: 1}\n").toString();
    }

    private static <T> T pick(List<T> values, Random random) {
        return values.get(random.nextInt(values.size()));
    }
}
