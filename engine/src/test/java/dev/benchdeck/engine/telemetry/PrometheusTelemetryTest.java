package dev.benchdeck.engine.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class PrometheusTelemetryTest {

    private static PrometheusText.Page page(String text) {
        return PrometheusText.parse(text);
    }

    @Test
    void countersBecomeRatesGaugesStayAndMatchesAreAddedUp() {
        PrometheusTelemetry telemetry = new PrometheusTelemetry(java.net.URI.create("http://127.0.0.1:1/metrics"),
                List.of(SeriesSelector.parse("req_total"), SeriesSelector.parse("req_total{code=\"500\"}"),
                        SeriesSelector.parse("in_flight"), SeriesSelector.parse("absent")), null, () -> 0);
        String before = """
                # TYPE req_total counter
                req_total{code="200"} 100
                req_total{code="500"} 10
                # TYPE in_flight gauge
                in_flight{pool="a"} 3
                in_flight{pool="b"} 4
                """;
        Map<String, Double> first = telemetry.select(page(before), 1_000_000_000L);
        assertThat(first).as("a rate needs a previous sample").containsOnlyKeys("prom.in_flight");
        assertThat(first.get("prom.in_flight")).isEqualTo(7);

        String after = before.replace("} 100", "} 400").replace("} 10\n", "} 30\n").replace("\"a\"} 3", "\"a\"} 1");
        Map<String, Double> second = telemetry.select(page(after), 3_000_000_000L);
        assertThat(second.get("prom.req_total.per_s")).isCloseTo((430 - 110) / 2.0, within(1e-9));
        assertThat(second.get("prom.req_total{code=\"500\"}.per_s")).isCloseTo(10.0, within(1e-9));
        assertThat(second.get("prom.in_flight")).isEqualTo(5);
        assertThat(second).doesNotContainKey("prom.absent");

        // the target restarted: its counter began again from zero, and all of its value is new
        Map<String, Double> reset = telemetry.select(page(before.replace("} 100", "} 6").replace("} 10\n", "} 0\n")), 4_000_000_000L);
        assertThat(reset.get("prom.req_total.per_s")).isCloseTo(6.0, within(1e-9));
    }

    @Test
    void scrapesAnEndpointOverHttpAndSaysWhenItCannot() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        AtomicReference<Integer> status = new AtomicReference<>(200);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/metrics", exchange -> {
            byte[] body = ("# TYPE hits_total counter\nhits_total " + (requests.incrementAndGet() * 50) + "\nqueue_depth 9\n")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status.get(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/metrics";
        try (PrometheusTelemetry telemetry = PrometheusTelemetry.of(url, List.of("hits_total", "queue_depth"))) {
            assertThat(telemetry.sample()).containsExactly(Map.entry("prom.queue_depth", 9.0));
            Thread.sleep(100);
            Map<String, Double> second = telemetry.sample();
            assertThat(second.get("prom.hits_total.per_s")).isPositive();
            status.set(503);
            assertThatThrownBy(telemetry::sample).isInstanceOf(IOException.class).hasMessageContaining("answered 503");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void onlyHttpUrlsAreScraped() {
        assertThatThrownBy(() -> PrometheusTelemetry.of("file:///etc/passwd", List.of("a"))).hasMessageContaining("http or https");
    }

    @Test
    void combinedSourcesKeepWhatCouldBeReadAndFailOnlyWhenNothingCould() throws Exception {
        TelemetrySource ok = () -> Map.of("a", 1.0);
        TelemetrySource down = () -> {
            throw new IOException("down");
        };
        assertThat(CombinedTelemetry.of(List.of(ok))).isSameAs(ok);
        assertThat(CombinedTelemetry.of(List.of(ok, down)).sample()).containsExactly(Map.entry("a", 1.0));
        assertThatThrownBy(() -> CombinedTelemetry.of(List.of(down, down)).sample()).hasMessage("down");
    }
}
