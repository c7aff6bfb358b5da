package dev.benchdeck.server.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchdeck.server.IntegrationTestSupport;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class RunLifecycleIntegrationTest extends IntegrationTestSupport {

    @Autowired
    RunOrchestrator orchestrator;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aRunGoesFromQueuedThroughRunningToCompletedAndKeepsItsResults() {
        long scenario = createScenario("short hello", """
                workload: {driver: http, path: /hello}
                load: {users: 2, duration: 1500ms}
                thresholds: ['p99 < 5s', 'error_rate < 1%']
                """);
        long run = trigger(scenario);
        JsonNode done = awaitRun(run, status("completed"), Duration.ofSeconds(20));
        assertThat(done.get("started_at").isNull()).isFalse();
        assertThat(done.get("ended_at").isNull()).isFalse();
        assertThat(done.get("requests").asLong()).isPositive();
        assertThat(done.get("thresholds_passed").asBoolean()).isTrue();
        assertThat(done.get("created_by").asText()).isEqualTo(ADMIN);
        assertThat(done.get("plan_yaml").asText()).contains("url: " + get("/api/v1/targets/" + demoTargetId()).json().get("url").asText());
        assertThat(done.get("environment").get("cpus").asInt()).isPositive();
        assertThat(done.get("steps")).hasSize(1);
        assertThat(done.get("overall").get("latencies").get("latency").get("histogram").asText()).isNotEmpty();
        assertThat(done.get("verdicts")).hasSize(2);
        JsonNode intervals = get("/api/v1/runs/" + run + "/intervals").json();
        assertThat(intervals.size()).isGreaterThanOrEqualTo(1);
        assertThat(get("/api/v1/runs/" + run + "/errors").json().isArray()).isTrue();
        JsonNode result = get("/api/v1/runs/" + run + "/result").json();
        assertThat(result.get("overall").get("requests").asLong()).isEqualTo(done.get("requests").asLong());
        assertThat(result.get("intervals").size()).isGreaterThanOrEqualTo(1);
        // an HTTP run measured no token stream: its figures are null in the API, never 0
        for (JsonNode series : java.util.List.of(intervals, result.get("intervals"))) {
            for (JsonNode interval : series) {
                for (String unmeasured : java.util.List.of("ttft_p50", "ttft_p99", "output_tokens")) {
                    assertThat(interval.has(unmeasured) && interval.get(unmeasured).isNull()).as(unmeasured + " in " + interval).isTrue();
                }
            }
        }
        assertThat(done.get("overall").get("latencies").has("ttft")).isFalse();
        assertThat(done.get("overall").get("latencies").has("output_tokens")).isFalse();
        assertThat(done.get("overall").get("stream").isNull()).as(done.get("overall").toString()).isTrue();
        // the engine runs inside the server: its process figure is the server's own CPU, beside the other processes'
        JsonNode cpu = done.get("overall").get("cpu");
        assertThat(cpu.get("cores").asInt()).as(cpu.toString()).isPositive();
        assertThat(cpu.get("process_cores").asDouble()).isPositive();
        assertThat(cpu.get("other_cores").asDouble()).isGreaterThanOrEqualTo(0);
        assertThat(cpu.get("warning").isNull() || cpu.get("warning").isTextual()).isTrue();
        assertThat(intervals).as("intervals with the server's own CPU").anyMatch(i -> i.get("cpu_process").isNumber() && i.get("cpu_other").isNumber());

        JsonNode list = get("/api/v1/runs?status=completed&scenario_id=" + scenario + "&size=5").json();
        assertThat(list.get("total").asLong()).isEqualTo(1);
        assertThat(list.get("items").get(0).get("id").asLong()).isEqualTo(run);
        Response bogus = get("/api/v1/runs?status=bogus&size=0");
        assertThat(bogus.status()).isEqualTo(400);
        assertThat(bogus.json().get("errors").findValuesAsText("path")).containsExactlyInAnyOrder("status", "size");
        JsonNode overview = get("/api/v1/overview").json();
        assertThat(overview.get("runs_last_7_days").asLong()).isPositive();

        Response rerun = post("/api/v1/runs/" + run + "/rerun", null);
        assertThat(rerun.status()).isEqualTo(202);
        awaitRun(rerun.json().get("id").asLong(), status("completed"), Duration.ofSeconds(20));
    }

    @Test
    void aRunThatCheckedNoThresholdHasNoThresholdVerdict() {
        long run = trigger(createScenario("no thresholds", """
                workload: {driver: http, path: /hello}
                load: {users: 1, duration: 1s}
                """));
        JsonNode done = awaitRun(run, status("completed"), Duration.ofSeconds(20));
        assertThat(done.get("thresholds_passed").isNull()).as(done.toString()).isTrue();
        JsonNode listed = get("/api/v1/runs?status=completed&size=200").json().get("items");
        assertThat(listed.findValues("id").stream().map(JsonNode::asLong)).contains(run);
        for (JsonNode item : listed) {
            if (item.get("id").asLong() == run) {
                assertThat(item.get("thresholds_passed").isNull()).isTrue();
            }
        }
    }

    @Test
    void anEndedRunIsDeletedWithItsResultsAndARunInProgressMustBeCancelledFirst() {
        long scenario = createScenario("to delete", """
                workload: {driver: http, path: /delay/5}
                load: {users: 1, duration: 30s}
                """);
        long running = trigger(scenario);
        awaitRun(running, status("running"), Duration.ofSeconds(20));
        Response refused = send(java.net.http.HttpRequest.newBuilder(uri("/api/v1/runs/" + running)).DELETE());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asText()).contains("cancel it first");
        awaitRun(running, r -> get("/api/v1/runs/" + running + "/intervals").json().size() >= 1, Duration.ofSeconds(5));
        assertThat(post("/api/v1/runs/" + running + "/cancel", null).status()).isEqualTo(202);
        awaitRun(running, status("cancelled"), Duration.ofSeconds(5));

        Response deleted = send(java.net.http.HttpRequest.newBuilder(uri("/api/v1/runs/" + running)).DELETE());
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(get("/api/v1/runs/" + running).status()).isEqualTo(404);
        for (String table : java.util.List.of("run_intervals", "run_steps", "run_errors")) {
            assertThat(jdbc.sql("select count(*) from " + table + " where run_id = :id").param("id", running)
                    .query(Long.class).single()).as(table).isZero();
        }
        assertThat(send(java.net.http.HttpRequest.newBuilder(uri("/api/v1/runs/" + running)).DELETE()).status()).isEqualTo(404);
    }

    @Test
    void cancelStopsARunWithinASecondAndKeepsWhatItMeasured() {
        long scenario = createScenario("long hello", """
                workload: {driver: http, path: /delay/5}
                load: {users: 2, duration: 60s}
                """);
        long run = trigger(scenario);
        long queuedBehind = trigger(scenario);
        awaitRun(run, status("running"), Duration.ofSeconds(10));
        awaitRun(run, r -> get("/api/v1/runs/" + run + "/intervals").json().size() >= 1, Duration.ofSeconds(5));

        assertThat(get("/api/v1/runs/" + queuedBehind).json().get("status").asText()).isEqualTo("queued");
        assertThat(post("/api/v1/runs/" + queuedBehind + "/cancel", null).status()).isEqualTo(202);
        assertThat(get("/api/v1/runs/" + queuedBehind).json().get("status").asText()).isEqualTo("cancelled");

        long asked = System.nanoTime();
        assertThat(post("/api/v1/runs/" + run + "/cancel", null).status()).isEqualTo(202);
        JsonNode cancelled = awaitRun(run, status("cancelled"), Duration.ofSeconds(3));
        assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(Duration.ofMillis(1500));
        assertThat(cancelled.get("requests").asLong()).isPositive();
        assertThat(get("/api/v1/runs/" + run + "/intervals").json().size()).isGreaterThanOrEqualTo(1);
        assertThat(post("/api/v1/runs/" + run + "/cancel", null).status()).isEqualTo(409);
        assertThat(post("/api/v1/runs/424242/cancel", null).status()).isEqualTo(404);
    }

    @Test
    void aRunLeftRunningByADeadProcessIsMarkedInterruptedAndKeepsItsIntervals() {
        long run = jdbc.sql("""
                        insert into runs (scenario_name, target_name, status, plan_yaml, created_by, started_at)
                        values ('crashed', 'somewhere', 'running', 'name: crashed', 'local', now() - interval '2 hours') returning id""")
                .query(Long.class).single();
        java.time.Instant lastInterval = java.time.Instant.now().minusSeconds(3600).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        for (int seq = 0; seq < 3; seq++) {
            jdbc.sql("""
                            insert into run_intervals (run_id, seq, snapshot, recorded_at)
                            values (:run, :seq, cast(:json as jsonb), :at)""")
                    .param("run", run).param("seq", seq).param("json", "{\"elapsed_seconds\": " + (seq + 1) + "}")
                    .param("at", java.sql.Timestamp.from(lastInterval.minusSeconds(2 - seq))).update();
        }
        jdbc.sql("""
                        insert into scheduled_tasks (task_name, task_instance, execution_time, picked, picked_by, version, last_heartbeat)
                        values ('benchdeck-run', :id, now(), true, 'dead-host', 1, now() - interval '1 hour')""")
                .param("id", String.valueOf(run)).update();

        assertThat(orchestrator.recover()).contains(run);

        JsonNode interrupted = get("/api/v1/runs/" + run).json();
        assertThat(interrupted.get("status").asText()).isEqualTo("interrupted");
        assertThat(interrupted.get("failure").asText()).contains("stopped");
        assertThat(java.time.Instant.parse(interrupted.get("ended_at").asText())).as("the time of its last interval").isEqualTo(lastInterval);
        assertThat(get("/api/v1/runs/" + run + "/intervals").json()).hasSize(3);
        assertThat(jdbc.sql("select count(*) from scheduled_tasks where task_instance = :id")
                .param("id", String.valueOf(run)).query(Long.class).single()).as("no retry").isZero();
    }
}
