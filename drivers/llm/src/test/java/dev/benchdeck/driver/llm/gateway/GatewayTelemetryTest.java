package dev.benchdeck.driver.llm.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.benchdeck.driver.llm.LlmDriverFactory;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The gateway's execution stats as telemetry metrics, and the telemetry the llm driver offers per target kind. */
class GatewayTelemetryTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void flattensEachStagesRecentPercentilesAndTheGatewaysCounters() throws Exception {
        Map<String, Double> metrics = GatewayTelemetry.flatten(JSON.readTree("""
                {"stages": {"streaming": {"count": 9, "p50_ms": 900, "p99_ms": 1500}},
                 "recent": {"window_seconds": 10, "stages": {"streaming": {"count": 2, "p50_ms": 100.5, "p99_ms": 250},
                                                             "cache": {"count": 0, "p50_ms": 0, "p99_ms": 0}}},
                 "requests": {"completed": 7, "failed": 2}, "cache": {"hit_ratio": 0.25}, "rate_limited": 3,
                 "failovers": 1, "active_streams": 4, "queue": {"waiting": 0}}"""));
        // the recent window, not the totals since start: the line moves with the load
        assertThat(metrics).containsEntry("stage.streaming.p50_ms", 100.5).containsEntry("stage.streaming.p99_ms", 250.0)
                .containsEntry("stage.cache.p99_ms", 0.0)
                .containsEntry("active_streams", 4.0).containsEntry("cache_hit_ratio", 0.25).containsEntry("rate_limited", 3.0)
                .containsEntry("failovers", 1.0).containsEntry("requests_completed", 7.0).containsEntry("requests_failed", 2.0)
                .containsEntry("queue_waiting", 0.0);
    }

    @Test
    void onlyAGatewayTargetWithAUrlGetsTelemetryFromTheLlmDriver() throws Exception {
        LlmDriverFactory factory = new LlmDriverFactory();
        assertThat(factory.telemetry("gateway", JSON.readTree("{\"url\": \"http://127.0.0.1:1\", \"admin_token\": \"t\"}"))).isPresent();
        assertThat(factory.telemetry("llm", JSON.readTree("{\"url\": \"http://127.0.0.1:1\"}"))).isEmpty();
        assertThat(factory.telemetry("gateway", JSON.readTree("{}"))).isEmpty();
    }

    @Test
    void aGatewayThatIsNotThereOrAUrlTheClientCannotTakeIsAnIoExceptionAndTheTokenNeverShows() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        GatewayAdmin gone = new GatewayAdmin("http://127.0.0.1:" + closed, "secret-token-123");
        assertThatThrownBy(gone::health).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> new GatewayTelemetry(gone).sample()).isInstanceOf(IOException.class);
        assertThatThrownBy(new GatewayAdmin("http://bad host:1", null)::health).isInstanceOf(IOException.class);
        assertThat(gone.toString()).doesNotContain("secret-token-123").contains("admin_token=***");
    }
}
