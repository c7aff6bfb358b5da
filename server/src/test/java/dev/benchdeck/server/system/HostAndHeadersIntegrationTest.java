package dev.benchdeck.server.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchdeck.server.IntegrationTestSupport;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** DNS rebinding (the Host check, WebSocket included), the security headers and strict ids in paths. */
class HostAndHeadersIntegrationTest extends IntegrationTestSupport {

    /** A raw HTTP/1.1 exchange as the test admin, so that any Host header can be sent; the answer's head as text. */
    private String raw(String request) throws IOException {
        int endOfRequestLine = request.indexOf("\r\n") + 2;
        request = request.substring(0, endOfRequestLine) + "Authorization: " + apiAuthorization() + "\r\n" + request.substring(endOfRequestLine);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder answer = new StringBuilder();
            int c;
            // the head is enough, and an upgraded connection stays open after it
            while (answer.indexOf("\r\n\r\n") < 0 && (c = in.read()) >= 0) {
                answer.append((char) c);
            }
            return answer.toString();
        } catch (java.net.SocketTimeoutException e) {
            throw new AssertionError("no answer");
        }
    }

    @Test
    void aRebindingHostIsRefusedAndLoopbackNamesAreNot() throws IOException {
        String refused = raw("GET /api/v1/targets HTTP/1.1\r\nHost: rebind.evil.example:" + port + "\r\nConnection: close\r\n\r\n");
        assertThat(refused).startsWith("HTTP/1.1 421").contains("application/problem+json");
        for (String host : List.of("localhost:" + port, "127.0.0.1:" + port, "[::1]:" + port, "LOCALHOST")) {
            assertThat(raw("GET /api/v1/targets HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")).as(host).startsWith("HTTP/1.1 200");
        }
    }

    @Test
    void aWebSocketFromARebindingPageIsRefused() throws IOException {
        String upgrade = "GET /api/v1/live HTTP/1.1\r\nHost: rebind.evil.example:" + port + "\r\nOrigin: http://rebind.evil.example:" + port
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
        assertThat(raw(upgrade)).startsWith("HTTP/1.1 421");
        String local = upgrade.replace("rebind.evil.example", "127.0.0.1");
        assertThat(raw(local)).as("the same from the server's own origin").startsWith("HTTP/1.1 101");
    }

    @Test
    void everyAnswerCarriesTheSecurityHeadersAndNoHstsWithoutTls() throws Exception {
        for (String path : List.of("/", "/api/v1/targets", "/api/v1/targets/987654321", "/assets/none.js")) {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
            var headers = response.headers();
            assertThat(headers.firstValue("Content-Security-Policy")).as(path).hasValueSatisfying(csp -> assertThat(csp)
                    .contains("frame-ancestors 'none'").contains("script-src 'self'").doesNotContain("unsafe-inline"));
            assertThat(headers.firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
            assertThat(headers.firstValue("Referrer-Policy")).as(path).contains("no-referrer");
            assertThat(headers.allValues("X-Content-Type-Options")).as(path).hasSize(1);
            assertThat(headers.firstValue("Strict-Transport-Security")).as(path).isEmpty();
        }
    }

    @Test
    void theDashboardHasNoInlineScriptForTheCspToBreak() {
        String html = get("/").body();
        assertThat(html).contains("<script");
        assertThat(html.replaceAll("(?s)<script[^>]*\\bsrc=\"[^\"]+\"[^>]*>\\s*</script>", "")).doesNotContain("<script");
    }

    @Test
    void idsInPathsAreAsciiDecimalDigitsOnly() {
        long id = demoTargetId();
        assertThat(get("/api/v1/targets/" + id).status()).isEqualTo(200);
        for (String trick : List.of("0x" + Long.toHexString(id), "+" + id, "%20" + id, "%D9%A1", "0" + id + "%20", id + ";DROP%20TABLE%20runs",
                id + "%3BDROP", "1e1", "١")) {
            Response response = get("/api/v1/targets/" + trick.replace("١", "%D9%A1"));
            assertThat(response.status()).as(trick).isEqualTo(400);
            assertThat(ProblemShape.problems(response)).as(trick).isEmpty();
            assertThat(response.json().has("errors")).as(trick + ": " + response.body()).isTrue();
            assertThat(response.json().get("errors").findValuesAsText("path")).as(trick).containsAnyOf("id", "path");
        }
        assertThat(get("/api/v1/targets/0" + id).status()).as("a leading zero is still decimal").isEqualTo(200);
        assertThat(get("/api/v1/runs?target_id=0x10").status()).isEqualTo(400);
    }
}
