package dev.benchdeck.demotarget;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class DemoTargetTest {

    private static HttpResponse<String> send(DemoTarget target, HttpRequest.Builder request) throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private static HttpRequest.Builder get(DemoTarget target, String path) {
        return HttpRequest.newBuilder(URI.create(target.baseUrl() + path));
    }

    @Test
    void eachEndpointAnswersAsDocumented() throws Exception {
        try (DemoTarget target = DemoTarget.start(0)) {
            assertThat(target.baseUrl()).startsWith("http://127.0.0.1:");
            HttpResponse<String> hello = send(target, get(target, "/hello"));
            assertThat(hello.statusCode()).isEqualTo(200);
            assertThat(hello.body()).hasSize(100);
            long start = System.nanoTime();
            assertThat(send(target, get(target, "/delay/50")).body()).isEqualTo("waited 50 ms\n");
            assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(50_000_000L);
            assertThat(send(target, get(target, "/delay/-1")).statusCode()).isEqualTo(400);
            assertThat(send(target, get(target, "/status/503")).statusCode()).isEqualTo(503);
            assertThat(send(target, get(target, "/flaky/100")).statusCode()).isEqualTo(503);
            assertThat(send(target, get(target, "/flaky/0")).statusCode()).isEqualTo(200);
            assertThat(send(target, get(target, "/echo").POST(HttpRequest.BodyPublishers.ofString("ping"))).body()).isEqualTo("ping");
            assertThat(send(target, get(target, "/nothing")).statusCode()).isEqualTo(404);
        }
    }
}
