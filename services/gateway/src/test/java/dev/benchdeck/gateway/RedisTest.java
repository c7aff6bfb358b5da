package dev.benchdeck.gateway;

import dev.benchdeck.engine.testkit.RedisProcess;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Redis as a real part (Debian's redis-server on a free port): L2 and limits shared by two instances, the
 * shared queue bound, and Redis killed mid-run (still serving on L1 and local limits) and back (L2 again).
 */
class RedisTest {

    RedisProcess redis;
    GatewayServer a;
    GatewayServer b;
    TestClient clientA;
    TestClient clientB;

    @BeforeAll
    static void needsRedis() {
        assertThat(RedisProcess.installed()).as("redis-server must be installed (apt-get install redis-server; .ci/run does)").isTrue();
    }

    @BeforeEach
    void start() throws Exception {
        redis = RedisProcess.start();
        a = GatewayServer.start(Gateways.builder().redisUrl(redis.url()).provider(Gateways.fake(10, 5, 6)).instanceId("a").build());
        b = GatewayServer.start(Gateways.builder().redisUrl(redis.url()).provider(Gateways.fake(10, 5, 6)).instanceId("b").build());
        clientA = new TestClient(a.baseUri());
        clientB = new TestClient(b.baseUri());
        awaitTrue(() -> a.redisReachable() && b.redisReachable(), 5_000);
    }

    @AfterEach
    void stop() throws Exception {
        a.close();
        b.close();
        redis.close();
    }

    static void awaitTrue(BooleanSupplier condition, long ms) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ms);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + ms + " ms");
            }
            Thread.sleep(20);
        }
    }

    private static String cache(TestClient client, String query) throws Exception {
        return client.stream(TestClient.request(query)).timing().path("cache").asText();
    }

    @Test
    void anAnswerStoredByOneInstanceIsAnL2HitForAnother() throws Exception {
        TestClient.Answer first = clientA.stream(TestClient.request("shared answer"));
        Thread.sleep(100); // the L2 write is in the background

        TestClient.Answer fromB = clientB.stream(TestClient.request("shared answer"));

        assertThat(first.timing().path("cache").asText()).isEqualTo("miss");
        assertThat(fromB.timing().path("cache").asText()).isEqualTo("l2");
        assertThat(fromB.text()).isEqualTo(first.text());
        assertThat(cache(clientB, "shared answer")).isEqualTo("l1");
        JsonNode health = clientA.get("/health").json();
        assertThat(health.path("redis").path("reachable").asBoolean()).isTrue();
        assertThat(health.path("redis").path("cache").asText()).isEqualTo("l1+l2");
        assertThat(health.path("redis").path("rate_limits").asText()).isEqualTo("shared");
    }

    @Test
    void instancesShareOneRateLimit() throws Exception {
        String limits = "{\"enable_caching\": false, \"rate_limit\": {\"requests_per_minute\": 2, \"tokens_per_minute\": 0}}";
        clientA.putConfig(limits);
        clientB.putConfig(limits);

        assertThat(clientA.stream(TestClient.request("one"), "X-API-Key", "k").status()).isEqualTo(200);
        assertThat(clientB.stream(TestClient.request("two"), "X-API-Key", "k").status()).isEqualTo(200);
        TestClient.Answer third = clientA.stream(TestClient.request("three"), "X-API-Key", "k");

        assertThat(third.status()).isEqualTo(429);
        assertThat(third.header("ratelimit-remaining")).isEqualTo("0");
    }

    @Test
    void theRedisQueueBoundIsShared() throws Exception {
        try (GatewayServer slowA = GatewayServer.start(Gateways.builder().redisUrl(redis.url()).provider(Gateways.fake(3_000, 5, 2)).build());
             GatewayServer slowB = GatewayServer.start(Gateways.builder().redisUrl(redis.url()).provider(Gateways.fake(3_000, 5, 2)).build())) {
            awaitTrue(() -> slowA.redisReachable() && slowB.redisReachable(), 5_000);
            String queue = "{\"enable_caching\": false, \"max_concurrent_connections\": 1, \"queue_size\": 1, \"queue_timeout_ms\": 5000,"
                    + " \"queue_type\": \"redis\"}";
            TestClient ca = new TestClient(slowA.baseUri());
            TestClient cb = new TestClient(slowB.baseUri());
            ca.putConfig(queue);
            cb.putConfig(queue);
            CompletableFuture<?> holdA = CompletableFuture.runAsync(() -> quietly(ca, "hold a"));
            CompletableFuture<?> holdB = CompletableFuture.runAsync(() -> quietly(cb, "hold b"));
            awaitTrue(() -> slowA.stats().get(dev.benchdeck.gateway.stats.Counter.REQUESTS) == 1
                    && slowB.stats().get(dev.benchdeck.gateway.stats.Counter.REQUESTS) == 1, 5_000);
            CompletableFuture<?> waitA = CompletableFuture.runAsync(() -> quietly(ca, "wait a"));
            awaitTrue(() -> ca.adminQuietly().path("queue").path("waiting").asInt() == 1, 5_000);

            TestClient.Answer refusedByB = cb.stream(TestClient.request("no room anywhere"));

            assertThat(refusedByB.status()).isEqualTo(503);
            assertThat(refusedByB.json().path("code").asText()).isEqualTo("queue_full");
            holdA.cancel(true);
            holdB.cancel(true);
            waitA.cancel(true);
        }
    }

    private static void quietly(TestClient client, String query) {
        try {
            client.stream(TestClient.request(query));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void redisKilledMidRunKeepsServingAndRedisBackBringsL2Again() throws Exception {
        CompletableFuture<TestClient.Answer> running = CompletableFuture.supplyAsync(() -> {
            try {
                return new TestClient(a.baseUri()).stream("{\"query\":\"spans the kill\",\"max_tokens\":6}");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        redis.kill();
        awaitTrue(() -> !a.redisReachable(), 3_000);

        assertThat(running.get(10, TimeUnit.SECONDS).done()).isTrue();
        TestClient.Answer during = clientA.stream(TestClient.request("while redis is away"));
        assertThat(during.status()).isEqualTo(200);
        assertThat(during.done()).isTrue();
        assertThat(cache(clientA, "while redis is away")).isEqualTo("l1");
        JsonNode health = clientA.get("/health").json();
        assertThat(health.path("status").asText()).isEqualTo("degraded");
        assertThat(health.path("redis").path("reachable").asBoolean()).isFalse();
        assertThat(health.path("redis").path("cache").asText()).isEqualTo("l1");
        assertThat(health.path("redis").path("rate_limits").asText()).isEqualTo("local");

        redis.restart();
        awaitTrue(() -> a.redisReachable() && b.redisReachable(), 10_000);

        clientA.stream(TestClient.request("after redis came back"));
        Thread.sleep(100);
        assertThat(cache(clientB, "after redis came back")).isEqualTo("l2");
        assertThat(clientA.get("/health").json().path("status").asText()).isEqualTo("ok");
    }

    @Test
    void aGatewayStartsWithoutItsRedisAndUsesItOnceItIsThere() throws Exception {
        int port = RedisProcess.freePort();
        try (GatewayServer early = GatewayServer.start(Gateways.builder().redisUrl(java.net.URI.create("redis://127.0.0.1:" + port))
                .provider(Gateways.fake(0, 0, 2)).build())) {
            TestClient c = new TestClient(early.baseUri());
            assertThat(c.stream(TestClient.request("no redis yet")).done()).isTrue();
            assertThat(c.get("/health").json().path("redis").path("reachable").asBoolean()).isFalse();

            try (RedisProcess late = RedisProcess.startOn(port)) {
                awaitTrue(early::redisReachable, 5_000);
                c.stream(TestClient.request("redis now"));
                Thread.sleep(100);
                try (GatewayServer other = GatewayServer.start(Gateways.builder().redisUrl(late.url()).provider(Gateways.fake(0, 0, 2)).build())) {
                    awaitTrue(other::redisReachable, 5_000);
                    assertThat(cache(new TestClient(other.baseUri()), "redis now")).isEqualTo("l2");
                }
            }
        }
    }
}
