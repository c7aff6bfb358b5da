package dev.benchdeck.mockllm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BadInputTest {

    private static MockLlmServer mock;
    private static SseClient client;

    @BeforeAll
    static void start() throws Exception {
        mock = MockLlmServer.start(MockLlmConfig.defaults().toBuilder().ttft(0, 0).itl(0, 0).build());
        client = new SseClient(mock.baseUri());
    }

    @AfterAll
    static void stop() {
        mock.close();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/v1/chat/completions | {\"model\": | not valid JSON",
            "/v1/chat/completions | [] | must be a JSON object",
            "/v1/chat/completions | {\"model\":\"m\"} | messages must be an array",
            "/v1/chat/completions | {\"model\":7,\"messages\":[]} | model must be a string",
            "/v1/chat/completions | {\"messages\":[],\"max_tokens\":0} | max_tokens must be a whole number of at least 1",
            "/v1/chat/completions | {\"messages\":[],\"stream\":\"yes\"} | stream must be true or false",
            "/v1/chat/completions | {\"messages\":[\"hi\"]} | each message must be an object",
            "/v1/completions | {\"model\":\"m\"} | prompt must be a string",
            "/v1/completions | {\"prompt\":\"x\",\"stream_options\":1} | stream_options must be an object"})
    void openAiBadRequestsAre400InOpenAiFormat(String path, String body, String message) throws Exception {
        HttpResponse<String> response = client.send("POST", path, body);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = SseClient.JSON.readTree(response.body()).path("error");
        assertThat(error.path("type").asText()).isEqualTo("invalid_request_error");
        assertThat(error.path("message").asText()).contains(message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "not json at all | not valid JSON",
            "{\"max_tokens\":10} | messages must be an array",
            "{\"messages\":[],\"max_tokens\":1.5} | max_tokens must be a whole number"})
    void anthropicBadRequestsAre400InAnthropicFormat(String body, String message) throws Exception {
        HttpResponse<String> response = client.send("POST", "/v1/messages", body);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode json = SseClient.JSON.readTree(response.body());
        assertThat(json.path("type").asText()).isEqualTo("error");
        assertThat(json.at("/error/type").asText()).isEqualTo("invalid_request_error");
        assertThat(json.at("/error/message").asText()).contains(message);
    }

    @ParameterizedTest
    @CsvSource({"GET,/", "POST,/v1/embeddings", "GET,/v1/chat/completions/extra", "POST,/automations/a/b/run", "POST,/automations//run"})
    void unknownPathsAre404(String method, String path) throws Exception {
        HttpResponse<String> response = client.send(method, path, method.equals("POST") ? "{}" : null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(SseClient.JSON.readTree(response.body()).at("/error/message").asText()).contains("no such endpoint");
    }

    @Test
    void unknownPathUnderMessagesIsAnAnthropic404() throws Exception {
        HttpResponse<String> response = client.send("POST", "/v1/messages/batches", "{}");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(SseClient.JSON.readTree(response.body()).at("/error/type").asText()).isEqualTo("not_found_error");
    }

    @Test
    void wrongMethodIs405() throws Exception {
        assertThat(client.send("GET", "/v1/chat/completions", null).statusCode()).isEqualTo(405);
        assertThat(client.send("POST", "/mock/stats", "{}").statusCode()).isEqualTo(405);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "X-Mock-TTFT-Ms | soon | X-Mock-TTFT-Ms must be a whole number",
            "X-Mock-ITL-Ms | -1 | X-Mock-ITL-Ms must be a whole number",
            "X-Mock-Tokens | 0 | X-Mock-Tokens must be a whole number from 1",
            "X-Mock-Tokens-Per-Chunk | 0 | X-Mock-Tokens-Per-Chunk",
            "X-Mock-Fault | 418 | unknown fault '418'"})
    void badMockHeadersAre400(String header, String value, String message) throws Exception {
        HttpResponse<String> response = client.send("POST", "/v1/chat/completions", "{\"messages\":[]}", header, value);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(SseClient.JSON.readTree(response.body()).at("/error/message").asText()).contains(message);
    }

    @Test
    void aClientThatLeavesMidStreamIsCountedAndTheServerGoesOn() throws Exception {
        try (var socket = new java.net.Socket("127.0.0.1", mock.port())) {
            String body = "{\"stream\":true,\"messages\":[]}";
            socket.getOutputStream().write(("POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nX-Mock-ITL-Ms: 20\r\nX-Mock-Tokens: 50\r\n"
                    + "Content-Length: " + body.length() + "\r\n\r\n" + body).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getInputStream().read(new byte[256]);
        }
        long deadline = System.nanoTime() + 3_000_000_000L;
        while (mock.stats().outcomes().get("client_disconnected") == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(mock.stats().outcomes()).containsEntry("client_disconnected", 1L);
        assertThat(mock.stats().activeStreams()).isZero();
        assertThat(client.send("POST", "/v1/chat/completions", "{\"messages\":[]}").statusCode()).isEqualTo(200);
    }
}
