package dev.benchdeck.server.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.benchdeck.server.IntegrationTestSupport;
import dev.benchdeck.server.system.Json;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Webhooks delivered to a local receiver: signatures, retries with back-off, the delivery log, run events. */
class WebhookIntegrationTest extends IntegrationTestSupport {

    private HttpServer receiver;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();

    record Received(String body, String signature, Instant at) {
    }

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(body, exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER), Instant.now()));
            int status = failuresLeft.getAndDecrement() > 0 ? 500 : 200;
            byte[] answer = (status == 200 ? "thanks" : "not now").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    private String hookUrl() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    }

    @Test
    void aTestNotificationIsRetriedWithBackOffUntilDeliveredAndItsSignatureChecksOut() {
        failuresLeft.set(2);
        Response created = post("/api/v1/webhooks", Json.write(java.util.Map.of("name", "retrying", "url", hookUrl())));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().at("/webhook/id").asLong();
        String secret = created.json().get("secret").asText();
        assertThat(get("/api/v1/webhooks/" + id).body()).doesNotContain(secret);

        long delivery = post("/api/v1/webhooks/" + id + "/test", null).json().get("id").asLong();
        JsonNode done = awaitDelivery(id, delivery, "delivered");

        assertThat(done.get("attempts").asInt()).isEqualTo(3);
        assertThat(done.get("last_status").asInt()).isEqualTo(200);
        assertThat(done.get("last_answer").asText()).isEqualTo("thanks");
        assertThat(received).hasSize(3);
        // waits of 200 ms, then 400 ms
        assertThat(Duration.between(received.get(0).at(), received.get(1).at())).isGreaterThanOrEqualTo(Duration.ofMillis(190));
        assertThat(Duration.between(received.get(1).at(), received.get(2).at())).isGreaterThanOrEqualTo(Duration.ofMillis(390));
        Received last = received.get(2);
        String t = last.signature().substring(2, last.signature().indexOf(','));
        assertThat(last.signature()).isEqualTo("t=" + t + ",v1=" + WebhookSignature.hmac(secret, t + "." + last.body()));
        assertThat(last.signature()).isNotEqualTo("t=" + t + ",v1=" + WebhookSignature.hmac("another secret", t + "." + last.body()));
        assertThat(Json.read(last.body()).get("event").asText()).isEqualTo("test");
    }

    @Test
    void aDeliveryOutOfAttemptsIsMarkedFailedWithTheLastAnswer() {
        failuresLeft.set(1_000);
        long id = post("/api/v1/webhooks", Json.write(java.util.Map.of("name", "failing", "url", hookUrl()))).json().at("/webhook/id").asLong();

        long delivery = post("/api/v1/webhooks/" + id + "/test", null).json().get("id").asLong();
        JsonNode failed = awaitDelivery(id, delivery, "failed");

        assertThat(failed.get("attempts").asInt()).isEqualTo(5);
        assertThat(failed.get("last_status").asInt()).isEqualTo(500);
        assertThat(failed.get("last_error").asText()).isEqualTo("answered 500");
    }

    @Test
    void aFinishedRunIsToldInJsonAndInASlackBody() {
        post("/api/v1/webhooks", Json.write(java.util.Map.of("name", "runs json", "url", hookUrl(), "events", List.of("run_finished"))));
        post("/api/v1/webhooks", Json.write(java.util.Map.of("name", "runs slack", "url", hookUrl() + "?slack", "format", "slack",
                "events", List.of("run_finished", "thresholds_failed"))));
        long scenario = createScenario("notified", """
                workload: {driver: http, path: /hello}
                load: {users: 1, duration: 300ms}
                thresholds: ['p99 < 1us']
                """);

        long run = trigger(scenario);
        awaitRun(run, status("completed"), Duration.ofSeconds(20));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (bodiesAbout(run).size() < 3 && System.nanoTime() < deadline) {
            sleep(50);
        }

        List<JsonNode> bodies = bodiesAbout(run);
        assertThat(bodies).hasSize(3);
        JsonNode json = bodies.stream().filter(b -> b.has("event")).findFirst().orElseThrow();
        assertThat(json.get("event").asText()).isEqualTo("run_finished");
        assertThat(json.at("/run/status").asText()).isEqualTo("completed");
        assertThat(json.at("/run/thresholds_passed").asBoolean()).isFalse();
        assertThat(json.at("/run/url").asText()).endsWith("/runs/" + run);
        assertThat(bodies.stream().filter(b -> b.has("text")).map(b -> b.get("text").asText()))
                .anyMatch(text -> text.contains("completed")).anyMatch(text -> text.contains("failed its thresholds"));
    }

    @Test
    void aRegressionAlertIsToldOncePerRunWithEveryAlertOfIt() {
        post("/api/v1/webhooks", Json.write(java.util.Map.of("name", "regressions", "url", hookUrl(), "events", List.of("regression_alert"))));
        long scenario = createScenario("regressed", """
                workload: {driver: http, path: /hello}
                load: {users: 1, duration: 300ms}
                """);
        // static limits need no baseline: any run breaks both of these
        Response limits = put("/api/v1/scenarios/" + scenario + "/detection",
                "{\"static_limits\": {\"latency.p99\": {\"max\": 0.000001}, \"throughput\": {\"min\": 1e12}}}");
        assertThat(limits.status()).as(limits.body()).isEqualTo(200);

        long run = trigger(scenario);
        awaitRun(run, status("completed"), Duration.ofSeconds(20));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (bodiesAbout(run).isEmpty() && System.nanoTime() < deadline) {
            sleep(50);
        }
        sleep(300); // a second notification about the same run would arrive by now

        List<JsonNode> bodies = bodiesAbout(run);
        assertThat(bodies).hasSize(1);
        JsonNode body = bodies.get(0);
        assertThat(body.get("event").asText()).isEqualTo("regression_alert");
        assertThat(body.at("/run/id").asLong()).isEqualTo(run);
        assertThat(body.get("alerts").findValuesAsText("metric")).containsExactlyInAnyOrder("latency.p99", "throughput");
        assertThat(body.get("alerts").findValuesAsText("test")).containsOnly("static");
        assertThat(body.get("alerts").get(0).get("run_id").asLong()).isEqualTo(run);
        assertThat(get("/api/v1/runs/" + run + "/alerts").json()).hasSize(2);
    }

    @Test
    void anEmailWebhookMailsAFinishedRunOverSmtpSignedInAndRetriesWhenTheServerIsBusy() {
        Response created = post("/api/v1/webhooks", Json.write(java.util.Map.of("name", "mail", "format", "email",
                "url", "mailto:perf@example.com, ops@example.com", "events", List.of("run_finished"))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().at("/webhook/id").asLong();
        long scenario = createScenario("mailed", """
                workload: {driver: http, path: /hello}
                load: {users: 1, duration: 300ms}
                """);
        int before = SMTP.messages().size();
        SMTP.refuseNext(1);

        long run = trigger(scenario);
        awaitRun(run, status("completed"), Duration.ofSeconds(20));
        JsonNode delivery = awaitDeliveryAbout(id, run, "delivered");

        assertThat(delivery.get("attempts").asInt()).isEqualTo(2); // the 451 first, then accepted
        assertThat(delivery.get("last_answer").asText()).isEqualTo("accepted by 127.0.0.1:" + SMTP.port() + " for 2 recipients");
        List<dev.benchdeck.server.SmtpReceiver.Message> mails = SMTP.messages().subList(before, SMTP.messages().size()).stream()
                .filter(m -> m.data().contains("/runs/" + run + "\r\n")).toList();
        assertThat(mails).hasSize(1);
        var mail = mails.get(0);
        assertThat(mail.from()).isEqualTo("benchdeck@example.com");
        assertThat(mail.to()).containsExactly("perf@example.com", "ops@example.com");
        assertThat(mail.user()).isEqualTo(SMTP_USER);
        assertThat(mail.password()).isEqualTo(SMTP_PASSWORD);
        assertThat(mail.data()).contains("Subject: Benchdeck: run " + run + " of \"mailed\" completed")
                .contains("Run " + run + " of \"mailed\" completed").contains("Open the run: /runs/" + run);
        assertThat(get("/api/v1/webhooks/" + id + "/deliveries").body()).doesNotContain(SMTP_PASSWORD);
        assertThat(send(java.net.http.HttpRequest.newBuilder(uri("/api/v1/webhooks/" + id)).DELETE()).status()).isEqualTo(204);
    }

    @Test
    void badEmailWebhooksAreRefusedWithTheirPaths() {
        Response https = post("/api/v1/webhooks", "{\"name\": \"m\", \"format\": \"email\", \"url\": \"https://example.com/x\"}");
        assertThat(https.status()).isEqualTo(400);
        assertThat(https.json().get("errors").findValuesAsText("path")).containsExactly("url");
        assertThat(https.body()).contains("mailto:");
        Response address = post("/api/v1/webhooks", "{\"name\": \"m\", \"url\": \"mailto:perf@example.com,not an address\"}");
        assertThat(address.status()).isEqualTo(400);
        assertThat(address.body()).contains("address 2 is not an e-mail address");
        Response none = post("/api/v1/webhooks", "{\"name\": \"m\", \"url\": \"mailto:\"}");
        assertThat(none.body()).contains("give 1 to 10 addresses");
        Response crlf = post("/api/v1/webhooks", "{\"name\": \"m\", \"url\": \"mailto:a@example.com\\r\\nBcc: x@example.com\"}");
        assertThat(crlf.status()).isEqualTo(400);
    }

    @Test
    void badWebhooksAreRefusedWithTheirPathsAndViewersSeeNone() {
        Response bad = post("/api/v1/webhooks", """
                {"name": "bad", "url": "ftp://user:pw@example.com/x", "format": "xml", "events": ["run_finished", "lunch"]}""");

        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").findValuesAsText("path")).containsExactly("url", "format", "events[1]");
        assertThat(post("/api/v1/webhooks", "{\"name\": \"x\", \"url\": \"http://user:pw@example.com/\"}").body())
                .contains("user name or password");
        var viewer = newUser("hooks-viewer", dev.benchdeck.server.security.Role.VIEWER);
        assertThat(send(java.net.http.HttpRequest.newBuilder(uri("/api/v1/webhooks")).header("Authorization", "Bearer " + viewer.token()))
                .status()).isEqualTo(403);
    }

    private List<JsonNode> bodiesAbout(long run) {
        return received.stream().map(r -> Json.read(r.body()))
                .filter(b -> b.at("/run/id").asLong() == run || b.path("text").asText().contains("run " + run + " ")).toList();
    }

    private JsonNode awaitDeliveryAbout(long hook, long run, String status) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        JsonNode found = null;
        while (System.nanoTime() < deadline) {
            for (JsonNode d : get("/api/v1/webhooks/" + hook + "/deliveries").json()) {
                if (d.path("run_id").asLong() == run) {
                    found = d;
                }
            }
            if (found != null && found.get("status").asText().equals(status)) {
                return found;
            }
            sleep(50);
        }
        throw new AssertionError("no " + status + " delivery about run " + run + "; last: " + found);
    }

    private JsonNode awaitDelivery(long hook, long delivery, String status) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        JsonNode found = null;
        while (System.nanoTime() < deadline) {
            for (JsonNode d : get("/api/v1/webhooks/" + hook + "/deliveries").json()) {
                if (d.get("id").asLong() == delivery) {
                    found = d;
                }
            }
            if (found != null && found.get("status").asText().equals(status)) {
                return found;
            }
            sleep(50);
        }
        throw new AssertionError("delivery " + delivery + " not " + status + "; last: " + found);
    }
}
