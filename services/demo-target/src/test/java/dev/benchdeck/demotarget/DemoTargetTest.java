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

    @Test
    void metricsCountAnsweredRequestsByEndpointAndStatus() throws Exception {
        try (DemoTarget target = DemoTarget.start(0)) {
            for (int i = 0; i < 3; i++) {
                send(target, get(target, "/hello"));
            }
            send(target, get(target, "/status/503"));
            send(target, get(target, "/some/where/else"));
            HttpResponse<String> page = send(target, get(target, "/metrics"));
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
            assertThat(page.body()).contains("# TYPE demo_requests_total counter\n")
                    .contains("demo_requests_total{endpoint=\"hello\",status=\"200\"} 3\n")
                    .contains("demo_requests_total{endpoint=\"status\",status=\"503\"} 1\n")
                    .contains("demo_requests_total{endpoint=\"other\",status=\"404\"} 1\n")
                    .contains("demo_in_flight_requests 1\n");
        }
    }

    @Test
    void anExtraDelaySlowsEveryAnswerButTheMetrics() throws Exception {
        try (DemoTarget target = DemoTarget.start(0)) {
            target.setExtraDelayMillis(60);
            long start = System.nanoTime();
            assertThat(send(target, get(target, "/hello")).statusCode()).isEqualTo(200);
            assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(60_000_000L);
            target.setExtraDelayMillis(0);
            assertThat(target.extraDelayMillis()).isZero();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> target.setExtraDelayMillis(-1))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
