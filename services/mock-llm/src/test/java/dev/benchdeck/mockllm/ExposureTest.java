package dev.benchdeck.mockllm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The mock listens on loopback by default; anywhere else only with an admin token, which /mock/* then needs. */
class ExposureTest {

    private static final String TOKEN = "mock-admin-token-0123456789";

    @Test
    void loopbackIsTheDefaultAndOtherAddressesNeedAToken() {
        assertThat(MockLlmOptions.parse(List.of(), Map.<String, String>of()::get).host()).isEqualTo("127.0.0.1");
        for (String loopback : List.of("127.0.0.1", "127.1.2.3", "localhost", "::1", "[::1]")) {
            assertThat(MockLlmOptions.exposureProblem(loopback, null)).as(loopback).isNull();
        }
        assertThat(MockLlmOptions.exposureProblem("0.0.0.0", null)).contains(MockLlmOptions.DEFAULT_TOKEN_ENV);
        assertThat(MockLlmOptions.exposureProblem("0.0.0.0", "short")).isNotNull();
        assertThat(MockLlmOptions.exposureProblem("0.0.0.0", TOKEN)).isNull();
        assertThatThrownBy(() -> MockLlmServer.start("0.0.0.0", 0, MockLlmConfig.defaults(), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("admin token");
        MockLlmOptions options = MockLlmOptions.parse(List.of("--host", "0.0.0.0", "--admin-token-env", "MY_TOKEN"), Map.of("MY_TOKEN", TOKEN)::get);
        assertThat(options.adminToken()).isEqualTo(TOKEN);
        assertThat(options.toString()).doesNotContain(TOKEN);
    }

    @Test
    void withATokenTheControlEndpointsNeedItAndTheLlmEndpointsDoNot() throws Exception {
        try (MockLlmServer mock = MockLlmServer.start("127.0.0.1", 0, MockLlmConfig.defaults(), TOKEN)) {
            HttpClient http = HttpClient.newHttpClient();
            URI config = URI.create(mock.baseUri() + "/mock/config");
            assertThat(http.send(HttpRequest.newBuilder(config).build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
            assertThat(http.send(HttpRequest.newBuilder(config).header("Authorization", "Bearer wrong-token-0000000000").build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
            assertThat(http.send(HttpRequest.newBuilder(config).header("Authorization", "Bearer " + TOKEN).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
            HttpResponse<String> chat = http.send(HttpRequest.newBuilder(URI.create(mock.baseUri() + "/v1/chat/completions"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"model\": \"m\", \"max_tokens\": 1, \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(chat.statusCode()).isEqualTo(200);
        }
    }
}
