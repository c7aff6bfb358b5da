package dev.benchdeck.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchdeck.gateway.config.ProviderDefinition;
import dev.benchdeck.mockllm.MockLlmServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The connection limit with its queue (memory), and a client that goes away: the upstream is cancelled within 1 s. */
class QueueAndDisconnectTest {

    MockLlmServer mock;
    GatewayServer gateway;
    TestClient client;

    @BeforeEach
    void start() throws Exception {
        mock = MockLlmServer.start(Gateways.mock(50, 100, 30).toBuilder().heartbeatMs(100).build());
        gateway = GatewayServer.start(Gateways.builder()
                .provider(ProviderDefinition.openAi("mock", URI.create(mock.baseUri() + "/v1"), null, List.of("*"))).build());
        client = new TestClient(gateway.baseUri());
        client.putConfig("{\"enable_caching\": false}");
    }

    @AfterEach
    void stop() {
        gateway.close();
        mock.close();
    }

    /** Opens a raw stream and reads until {@code chunks} chunk events arrived; the caller closes the socket. */
    private Socket openStream(int chunks) throws Exception {
        Socket socket = new Socket("127.0.0.1", gateway.port());
        socket.setSoTimeout(10_000);
        String body = "{\"query\":\"long answer please\",\"model\":\"m\"}";
        OutputStream out = socket.getOutputStream();
        out.write(("POST /api/v1/stream HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length() + "\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8));
        out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        int seen = 0;
        String line;
        while (seen < chunks && (line = in.readLine()) != null) {
            if (line.equals("event: chunk")) {
                seen++;
            }
        }
        assertThat(seen).isEqualTo(chunks);
        return socket;
    }

    @Test
    void aClientThatGoesAwayCancelsTheUpstreamWithinOneSecond() throws Exception {
        Socket socket = openStream(2);
        assertThat(mock.stats().activeStreams()).isEqualTo(1);

        socket.close();
        long closed = System.nanoTime();

        while (mock.stats().activeStreams() > 0 && System.nanoTime() - closed < TimeUnit.SECONDS.toNanos(3)) {
            Thread.sleep(10);
        }
        long tookMs = (System.nanoTime() - closed) / 1_000_000;
        assertThat(mock.stats().activeStreams()).isZero();
        assertThat(tookMs).isLessThan(1_000);
        assertThat(mock.stats().outcomes().get("client_disconnected")).isEqualTo(1);
        JsonNode stats = client.admin("/admin/execution-stats").json();
        assertThat(stats.path("requests").path("client_disconnected").asLong()).isEqualTo(1);
        assertThat(stats.path("active_streams").asLong()).isZero();
        assertThat(stats.path("providers").path("mock").path("failures").asLong()).isZero();
    }

    @Test
    void aFullQueueIs503AtOnceAndAWaitPastTheTimeoutIs503() throws Exception {
        client.putConfig("{\"max_concurrent_connections\": 1, \"queue_size\": 1, \"queue_timeout_ms\": 400}");
        try (Socket busy = openStream(1)) {
            CompletableFuture<TestClient.Answer> waiting = CompletableFuture.supplyAsync(() -> {
                try {
                    return client.stream("{\"query\":\"waits\",\"model\":\"m\"}");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            while (client.admin("/admin/execution-stats").json().path("queue").path("waiting").asInt() < 1) {
                Thread.sleep(10);
            }

            TestClient.Answer full = client.stream("{\"query\":\"no room\",\"model\":\"m\"}");
            TestClient.Answer timedOut = waiting.get(5, TimeUnit.SECONDS);

            assertThat(full.status()).isEqualTo(503);
            assertThat(full.json().path("code").asText()).isEqualTo("queue_full");
            assertThat(full.header("retry-after")).isEqualTo("1");
            assertThat(timedOut.status()).isEqualTo(503);
            assertThat(timedOut.json().path("code").asText()).isEqualTo("queue_timeout");
            assertThat(timedOut.header("retry-after")).isNotNull();
            JsonNode queue = client.admin("/admin/execution-stats").json().path("queue");
            assertThat(queue.path("full").asLong()).isEqualTo(1);
            assertThat(queue.path("timeouts").asLong()).isEqualTo(1);
            assertThat(queue.path("waits").asLong()).isEqualTo(1);
        }
    }

    @Test
    void aWaitingRequestGetsTheSlotWhenItFrees() throws Exception {
        client.putConfig("{\"max_concurrent_connections\": 1, \"queue_size\": 5, \"queue_timeout_ms\": 10000}");
        Socket busy = openStream(1);
        CompletableFuture<TestClient.Answer> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return client.stream("{\"query\":\"next\",\"model\":\"m\",\"stream\":false,\"max_tokens\":2}");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        while (client.admin("/admin/execution-stats").json().path("queue").path("waiting").asInt() < 1) {
            Thread.sleep(10);
        }

        busy.close();
        TestClient.Answer served = waiting.get(5, TimeUnit.SECONDS);

        assertThat(served.status()).isEqualTo(200);
        assertThat(served.json().path("timing").path("queue_wait_ms").asDouble()).isPositive();
    }
}
