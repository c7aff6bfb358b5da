package dev.benchdeck.driver.llm.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.benchdeck.driver.llm.LlmDriverFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The gateway target's check, against a local imitation of a gateway's /health and admin API. */
class GatewayCheckTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "gateway-admin-s3cret-0099";

    private HttpServer gateway;
    private volatile int healthStatus = 200;

    @BeforeEach
    void start() throws IOException {
        gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        gateway.createContext("/health", exchange -> answer(exchange, healthStatus, "{\"status\": \"degraded\"}"));
        gateway.createContext("/admin/execution-stats", exchange -> {
            boolean admitted = ("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"));
            answer(exchange, admitted ? 200 : 401, admitted ? "{\"stages\": {}}" : "{\"detail\": \"no\"}");
        });
        gateway.start();
    }

    @AfterEach
    void stop() {
        gateway.stop(0);
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private ObjectNode target(String token) {
        ObjectNode target = JSON.createObjectNode().put("url", "http://127.0.0.1:" + gateway.getAddress().getPort() + "/");
        return token == null ? target : target.put("admin_token", token);
    }

    private static GatewayCheckReport check(JsonNode target) {
        return (GatewayCheckReport) new LlmDriverFactory().check("gateway", target).orElseThrow().run();
    }

    @Test
    void aHealthyGatewayThatTakesTheTokenIsOkWithItsOwnHealth() {
        GatewayCheckReport report = check(target(TOKEN));
        assertThat(report.ok()).as(report.toString()).isTrue();
        assertThat(report.health()).isEqualTo("degraded");
        assertThat(report.admin()).isTrue();
        assertThat(report.millis()).isPositive();
        assertThat(report.message()).isEqualTo("health degraded, admin API reachable");
    }

    @Test
    void aWrongOrMissingTokenIsAnAuthErrorThatNeverRepeatsTheToken() {
        GatewayCheckReport wrong = check(target("not-" + TOKEN));
        assertThat(wrong.ok()).isFalse();
        assertThat(wrong.errorClass()).isEqualTo("auth");
        assertThat(wrong.admin()).isFalse();
        assertThat(wrong.toString()).doesNotContain(TOKEN);

        GatewayCheckReport none = check(target(null));
        assertThat(none.errorClass()).isEqualTo("auth");
        assertThat(none.message()).contains("credentials.admin_token");
    }

    @Test
    void aFailingHealthIsAnHttpErrorAndNothingListeningAConnectError() throws Exception {
        healthStatus = 503;
        GatewayCheckReport down = check(target(TOKEN));
        assertThat(down.errorClass()).isEqualTo("http");
        assertThat(down.message()).isEqualTo("GET /health answered 503");

        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        GatewayCheckReport gone = check(JSON.createObjectNode().put("url", "http://127.0.0.1:" + closed).put("admin_token", TOKEN));
        assertThat(gone.errorClass()).isEqualTo("connect");
        assertThat(gone.message()).contains("cannot reach the gateway at http://127.0.0.1:" + closed).doesNotContain(TOKEN);
    }

    @Test
    void aTokenThatCannotGoIntoAHeaderOrNoUrlIsReportedWithoutTheToken() {
        GatewayCheckReport broken = check(target(TOKEN + "\r\nX-Injected: 1"));
        assertThat(broken.ok()).isFalse();
        assertThat(broken.toString()).doesNotContain(TOKEN);
        assertThat(broken.message()).contains("admin token cannot go into a header");
        assertThat(check(JSON.createObjectNode()).errorClass()).isEqualTo("invalid");
    }
}
