package dev.benchdeck.driver.http.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.benchdeck.driver.http.HttpDriverFactory;
import dev.benchdeck.engine.driver.TargetCheck;
import org.junit.jupiter.api.Test;

/** The http target's check: one GET of its URL with its stored headers; any answer means reached. */
class HttpCheckTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "Bearer hdr-s3cret-0042";

    private static JsonNode settings(String url, String header, String value) {
        var node = JSON.createObjectNode().put("url", url);
        if (header != null) {
            node.putObject("headers").put(header, value);
        }
        return node;
    }

    private static HttpCheckReport check(JsonNode settings) {
        TargetCheck check = new HttpDriverFactory().check("http", settings).orElseThrow();
        return (HttpCheckReport) check.run();
    }

    @Test
    void aServerThatAnswersIsReachedWithTheStoredHeadersAndTheTimeToItsAnswer() {
        try (LocalServer server = new LocalServer(200, "{\"hello\": \"" + SECRET + "\"}")) {
            HttpCheckReport report = check(settings(server.url() + "/api", "Authorization", SECRET));

            assertThat(report).extracting(HttpCheckReport::ok, HttpCheckReport::status, HttpCheckReport::errorClass, HttpCheckReport::message)
                    .containsExactly(true, 200, null, "HTTP 200");
            assertThat(report.millis()).isPositive().isLessThan(10_000.0);
            assertThat(server.received).singleElement().satisfies(request -> {
                assertThat(request.method()).isEqualTo("GET");
                assertThat(request.path()).isEqualTo("/api");
                assertThat(request.header("Authorization")).isEqualTo(SECRET);
            });
            assertThat(report.toString()).as("the answer's body is not repeated").doesNotContain("hdr-s3cret");
        }
    }

    @Test
    void a500IsStillAnAnswerTheServerIsReachable() {
        try (LocalServer server = new LocalServer(500, "boom")) {
            HttpCheckReport report = check(settings(server.url(), null, null));
            assertThat(report.ok()).isTrue();
            assertThat(report.status()).isEqualTo(500);
            assertThat(report.message()).isEqualTo("HTTP 500");
        }
    }

    @Test
    void aRefusedConnectionIsAConnectErrorNamingTheAddress() throws Exception {
        int port = LocalServer.closedPort();
        HttpCheckReport report = check(settings("http://127.0.0.1:" + port + "/", "Authorization", SECRET));
        assertThat(report.ok()).isFalse();
        assertThat(report.status()).isNull();
        assertThat(report.millis()).isNull();
        assertThat(report.errorClass()).isEqualTo("connect");
        assertThat(report.message()).contains("127.0.0.1:" + port, "connection refused").doesNotContain("hdr-s3cret");
    }

    @Test
    void aStoredHeaderThatCannotBeSentIsNamedButItsValueNeverShowsAndNothingIsSent() {
        try (LocalServer server = new LocalServer(200, "")) {
            HttpCheckReport report = check(settings(server.url(), "X-Token", SECRET + "\r\nInjected: yes"));
            assertThat(report.ok()).isFalse();
            assertThat(report.errorClass()).isEqualTo("invalid");
            assertThat(report.message()).contains("X-Token", "credentials.headers").doesNotContain("hdr-s3cret");
            assertThat(server.received).isEmpty();
        }
    }

    @Test
    void settingsWithoutAUsableUrlAreInvalidNotAnException() {
        assertThat(check(JSON.createObjectNode()).errorClass()).isEqualTo("invalid");
        assertThat(check(JSON.createObjectNode()).message()).contains("no url");
        assertThat(check(settings("http://bad host/", null, null)).errorClass()).isEqualTo("invalid");
    }

    @Test
    void theHttpDriverChecksHttpTargetsOnly() {
        HttpDriverFactory factory = new HttpDriverFactory();
        JsonNode settings = settings("http://127.0.0.1:1", null, null);
        assertThat(factory.check("http", settings)).isPresent();
        assertThat(factory.check("llm", settings)).isEmpty();
        assertThat(factory.check("postgres", settings)).isEmpty();
    }
}
