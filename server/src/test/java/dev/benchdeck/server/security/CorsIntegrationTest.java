package dev.benchdeck.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchdeck.server.IntegrationTestSupport;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** CORS: an allowed origin's page may call the API with a token; any other origin gets no CORS headers (so no answer it can read). */
@TestPropertySource(properties = {"benchdeck.test.instance=cors", "benchdeck.security.cors-allowed-origins=https://dash.example"})
class CorsIntegrationTest extends IntegrationTestSupport {

    private HttpResponse<String> preflight(String origin) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri("/api/v1/targets")).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin).header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization").build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> list(String origin) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri("/api/v1/targets")).header("Origin", origin)
                .header("Authorization", apiAuthorization()).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    @Test
    void anAllowedOriginGetsThePreflightAndTheAnswerWithoutCredentials() throws Exception {
        HttpResponse<String> allowed = preflight("https://dash.example");
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(header(allowed, "Access-Control-Allow-Origin")).isEqualTo("https://dash.example");
        assertThat(header(allowed, "Access-Control-Allow-Credentials")).as("tokens only, never the session cookie").isNull();

        HttpResponse<String> list = list("https://dash.example");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(header(list, "Access-Control-Allow-Origin")).isEqualTo("https://dash.example");
    }

    @Test
    void anyOtherOriginIsRefused() throws Exception {
        HttpResponse<String> refused = preflight("https://evil.example");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(header(refused, "Access-Control-Allow-Origin")).isNull();
        assertThat(header(refused, "Content-Type")).startsWith("application/problem+json");
        assertThat(refused.body()).contains("\"status\":403").contains("\"instance\":\"/api/v1/targets\"")
                .contains("/forbidden").contains("cross-origin");
        assertThat(header(list("https://evil.example"), "Access-Control-Allow-Origin")).isNull();
    }
}
