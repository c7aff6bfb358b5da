package dev.benchdeck.server.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchdeck.server.IntegrationTestSupport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every error of the API, Spring MVC's and Tomcat's own included, is a problem detail of one shape. */
class ApiProblemsIntegrationTest extends IntegrationTestSupport {

    private Response assertProblem(Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(ProblemShape.problems(response)).as(response.body()).isEmpty();
        return response;
    }

    private static List<String> paths(Response response) {
        return response.json().path("errors").findValuesAsText("path");
    }

    @Test
    void aWildcardContentTypeIsRefusedWith415OnEveryJsonEndpoint() {
        for (String path : List.of("/api/v1/targets", "/api/v1/scenarios", "/api/v1/plans/validate", "/api/v1/targets/1/query-check")) {
            for (String type : List.of("*/*", "application/*")) {
                Response response = send(HttpRequest.newBuilder(uri(path)).header("Content-Type", type)
                        .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"x\"}")));
                assertProblem(response, 415);
            }
        }
        assertProblem(send(HttpRequest.newBuilder(uri("/api/v1/targets/1")).header("Content-Type", "*/*")
                .PUT(HttpRequest.BodyPublishers.ofString("{}"))), 415);
    }

    @Test
    void timesBeyondWhatTheDatabaseStoresAreA400AtTheirParameter() {
        assertThat(paths(assertProblem(get("/api/v1/runs?from=%2B1000000000-01-01T00:00:00Z"), 400))).containsExactly("from");
        assertThat(paths(assertProblem(get("/api/v1/runs?from=-999999999-01-01T00:00:00Z"), 400))).containsExactly("from");
        assertThat(paths(assertProblem(get("/api/v1/runs?to=%2B1000000000-01-01T00:00:00Z"), 400))).containsExactly("to");
        assertThat(paths(assertProblem(get("/api/v1/runs?to=-999999999-01-01T00:00:00Z&from=yesterday"), 400)))
                .containsExactlyInAnyOrder("to", "from");
        assertThat(get("/api/v1/runs?from=2020-01-01T00:00:00Z&to=9999-12-31T00:00:00Z").status()).isEqualTo(200);
    }

    @Test
    void valuesOfTheWrongTypeSayWhatIsExpectedWithoutJavaTypeNames() {
        Response id = assertProblem(get("/api/v1/targets/abc"), 400);
        assertThat(id.json().get("errors").get(0).get("path").asText()).isEqualTo("id");
        assertThat(id.json().get("errors").get(0).get("message").asText()).isEqualTo("must be a whole number");
        Response size = assertProblem(get("/api/v1/runs?size=lots&status=done"), 400);
        assertThat(paths(size)).containsExactlyInAnyOrder("size", "status");

        Response field = assertProblem(post("/api/v1/scenarios", "{\"name\": \"x\", \"target_id\": \"one\", \"plan_yaml\": \"a: 1\"}"), 400);
        assertThat(paths(field)).containsExactly("target_id");
        assertThat(field.json().get("errors").get(0).get("message").asText()).isEqualTo("must be a whole number");
        Response huge = assertProblem(post("/api/v1/scenarios", "{\"name\": \"x\", \"target_id\": 99999999999999999999999, \"plan_yaml\": \"a\"}"), 400);
        assertThat(paths(huge)).containsExactly("target_id");
        Response object = assertProblem(post("/api/v1/targets", "{\"name\": {\"a\": 1}}"), 400);
        assertThat(paths(object)).containsExactly("name");
        assertProblem(post("/api/v1/targets", "{\"name\": "), 400);
        assertProblem(post("/api/v1/targets", "[1, 2]"), 400);
        assertProblem(post("/api/v1/targets", null), 400);
        assertThat(assertProblem(post("/api/v1/targets", "{\"name\": \"nul \\u0000 inside\", \"url\": \"http://127.0.0.1:9/\"}"), 400)
                .json().get("detail").asText()).contains("NUL");
        assertProblem(send(HttpRequest.newBuilder(uri("/api/v1/targets")).method("PATCH", HttpRequest.BodyPublishers.noBody())), 405);
        assertProblem(send(HttpRequest.newBuilder(uri("/api/v1/targets")).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("x"))), 415);
        assertProblem(send(HttpRequest.newBuilder(uri("/api/v1/targets")).header("Accept", "image/png").GET()), 406);
    }

    @Test
    void whatTomcatRefusesItselfIsAProblemDetailToo() throws IOException {
        for (String path : List.of("/api/v1/targets/%00", "/api/v1/targets/a%2Fb", "/api/v1/targets/%5C..%5C")) {
            Response response = raw("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
            assertThat(response.status()).as(path).isBetween(400, 499);
            assertThat(ProblemShape.problems(response)).as(path + ": " + response.body()).isEmpty();
        }
        Response headers = raw("GET /api/v1/targets HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + "a".repeat(20_000)
                + "\r\nConnection: close\r\n\r\n");
        assertThat(headers.status()).isBetween(400, 499);
        assertThat(ProblemShape.problems(headers)).as(headers.body()).isEmpty();
        Response line = raw("GET /api/v1/tar gets HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        assertThat(line.status()).isEqualTo(400);
        assertThat(ProblemShape.problems(line)).as(line.body()).isEmpty();
    }

    @Test
    void unknownApiPathsAndMissingFilesAre404ProblemsAndOtherPathsTheDashboard() {
        assertProblem(get("/api/v1/nothing-here"), 404);
        assertProblem(get("/assets/missing-file.js"), 404);
        Response app = get("/nowhere/at/all");
        assertThat(app.status()).isEqualTo(200);
        assertThat(app.contentType()).startsWith("text/html");
        assertThat(app.body()).contains("<div id=\"root\">");
    }

    /** One request written as is (for what a client library would refuse to send); the response read whole. */
    private Response raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            try {
                in.transferTo(all);
            } catch (java.net.SocketException e) {
                // Tomcat may reset after answering a request it refused; what arrived is the answer
            }
            String text = all.toString(StandardCharsets.UTF_8);
            int status = Integer.parseInt(text.substring(9, 12));
            int split = text.indexOf("\r\n\r\n");
            String head = text.substring(0, split);
            String type = head.lines().filter(l -> l.toLowerCase().startsWith("content-type:"))
                    .map(l -> l.substring(13).strip()).findFirst().orElse("");
            String body = text.substring(split + 4);
            if (head.toLowerCase().contains("transfer-encoding: chunked")) {
                body = dechunk(body);
            }
            return new Response(status, type, body);
        }
    }

    private static String dechunk(String chunked) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (at < chunked.length()) {
            int eol = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, eol).strip(), 16);
            if (size == 0) {
                break;
            }
            out.append(chunked, eol + 2, eol + 2 + size);
            at = eol + 2 + size + 2;
        }
        return out.toString();
    }

    @Test
    void theDatabaseUnavailableProblemIsA503() {
        var response = ApiProblems.databaseUnavailable();
        assertThat(response.getStatusCode().value()).isEqualTo(503);
        assertThat(response.getHeaders().getFirst("Retry-After")).isEqualTo("5");
        JsonNode body = Json.mapper().valueToTree(response.getBody());
        assertThat(body.get("detail").asText()).startsWith("database unavailable");
    }
}
