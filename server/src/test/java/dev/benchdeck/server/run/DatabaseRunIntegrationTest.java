package dev.benchdeck.server.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchdeck.embeddedpg.EmbeddedPostgres;
import dev.benchdeck.server.IntegrationTestSupport;
import dev.benchdeck.server.system.Json;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A database benchmark through the API, against the embedded PostgreSQL the server runs on. */
class DatabaseRunIntegrationTest extends IntegrationTestSupport {

    @Autowired
    EmbeddedPostgres pg;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aThreadSweepLoadsTheTableRunsAStepPerThreadCountAndKeepsTheSetupSummary() throws Exception {
        long target = createTarget(postgresTarget("pg run", pg, pg.password()));
        Response scenario = post("/api/v1/scenarios", Json.write(Map.of("name", "db sweep", "target_id", target, "plan_yaml", """
                workload: {driver: jdbc, table: benchdeck_it_accounts, rows: 1000, batch_size: 300, setup: recreate,
                           mix: {point_select: 80, update: 20}}
                load: {model: closed, warmup: 0s, duration: 10s, steps: [{users: 2}, {users: 4}]}
                """)));
        assertThat(scenario.status()).as(scenario.body()).isEqualTo(201);
        // a short run ahead holds the one worker, so that the subscription below comes before the setup
        long ahead = trigger(createScenario("ahead of the db run", """
                workload: {driver: http, path: /hello}
                load: {users: 1, duration: 1s}
                """));
        long run = trigger(scenario.json().get("id").asLong());
        BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
        WebSocket socket = subscribe(run, messages);

        assertThat(get("/api/v1/runs/" + ahead).json().get("status").asText()).isIn("queued", "running");
        JsonNode done = awaitRun(run, r -> !List.of("queued", "running").contains(r.get("status").asText()), Duration.ofSeconds(90));
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("completed");
        assertThat(done.get("steps")).hasSize(2);
        assertThat(done.get("steps").findValuesAsText("label")).containsExactly("users=2", "users=4");
        for (JsonNode step : done.get("steps")) {
            assertThat(step.get("requests").asLong()).isPositive();
            assertThat(step.get("errors").asLong()).as(step.toString()).isZero();
        }
        JsonNode setup = done.get("setup");
        assertThat(setup.isArray()).as(done.toString()).isTrue();
        assertThat(setup.size()).isPositive();
        assertThat(setup.findValuesAsText("finished")).containsOnly("true");
        JsonNode loaded = rowsPhase(setup);
        assertThat(loaded.get("done").asLong()).isEqualTo(1000);
        assertThat(jdbc.sql("select count(*) from benchdeck_it_accounts").query(Long.class).single()).isEqualTo(1000);

        assertThat(done.get("plan_yaml").asText()).doesNotContain(pg.password()).contains("driver: jdbc");
        assertThat(get("/api/v1/runs/" + run + "/result").json().get("setup")).isEqualTo(setup);
        assertThat(Json.write(jdbc.sql("select plan_yaml from runs where id = :id").param("id", run).query(String.class).single()))
                .doesNotContain(pg.password());

        List<JsonNode> received = drain(messages);
        assertThat(received.getFirst().get("type").asText()).isEqualTo("snapshot");
        assertThat(received).as("setup progress is pushed live").anyMatch(m -> m.get("type").asText().equals("setup")
                && m.get("progress").has("phase") && m.get("progress").has("rate_per_second"));
        List<Double> pools = received.stream().filter(m -> m.get("type").asText().equals("interval"))
                .map(m -> m.get("interval").path("gauges").path("pool.total").asDouble(-1)).toList();
        assertThat(pools).as("pool gauges in the intervals").isNotEmpty().anyMatch(total -> total >= 2);
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);

        BlockingQueue<JsonNode> late = new LinkedBlockingQueue<>();
        WebSocket lateSocket = subscribe(run, late);
        JsonNode snapshot = late.poll(5, TimeUnit.SECONDS);
        assertThat(snapshot.get("type").asText()).isEqualTo("snapshot");
        assertThat(snapshot.get("setup")).as("a late joiner gets the stored setup summary").isEqualTo(setup);
        lateSocket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
    }

    @Test
    void databaseStepsUnder10sAndTablesUnder1000RowsAreRefusedWithTheirPlanPaths() {
        long target = createTarget(postgresTarget("pg rules", pg, pg.password()));
        Response shared = post("/api/v1/scenarios", Json.write(Map.of("name", "short steps", "target_id", target, "plan_yaml", """
                workload: {driver: jdbc, rows: 500}
                load: {model: closed, duration: 5s, steps: [{users: 2}, {users: 4, duration: 2s}, {users: 8, duration: 10s}]}
                """)));
        assertThat(shared.status()).as(shared.body()).isEqualTo(422);
        assertThat(shared.json().get("errors").findValuesAsText("path"))
                .containsExactlyInAnyOrder("workload.rows", "load.duration", "load.steps[1].duration");
        assertThat(shared.json().get("errors").findValuesAsText("message"))
                .contains("must be at least 10s for a database benchmark");

        Response validated = post("/api/v1/plans/validate", Json.write(Map.of("target_id", target, "plan_yaml", """
                workload: {driver: jdbc}
                load: {users: 0, duration: 9s}
                """)));
        assertThat(validated.json().get("valid").asBoolean()).isFalse();
        assertThat(validated.json().get("problems").findValuesAsText("path")).as("reported with the others")
                .containsExactlyInAnyOrder("load.users", "load.duration");
        Response ok = post("/api/v1/plans/validate", Json.write(Map.of("target_id", target, "plan_yaml", """
                workload: {driver: jdbc, rows: 1000}
                load: {users: 2, duration: 10s}
                """)));
        assertThat(ok.json().get("valid").asBoolean()).as(ok.body()).isTrue();
    }

    private static JsonNode rowsPhase(JsonNode setup) {
        for (JsonNode phase : setup) {
            if ("rows".equals(phase.path("unit").asText()) && phase.path("total").asLong() == 1000) {
                return phase;
            }
        }
        throw new AssertionError("no phase that loaded 1000 rows: " + setup);
    }

    private static List<JsonNode> drain(BlockingQueue<JsonNode> messages) throws InterruptedException {
        List<JsonNode> all = new ArrayList<>();
        JsonNode next;
        while ((next = messages.poll(1, TimeUnit.SECONDS)) != null) {
            all.add(next);
            if (next.get("type").asText().equals("status") && !next.get("status").asText().equals("running")) {
                break;
            }
        }
        return all;
    }
}
