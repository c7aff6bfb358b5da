package dev.benchdeck.server.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchdeck.server.IntegrationTestSupport;
import dev.benchdeck.server.run.RunSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Schedules through the API, fired by the ticker on a fake clock (instants in the future, so the real ticker
 * leaves them alone) and by the real ticker on a real every-two-seconds cron and a real one-minute cron.
 */
class ScheduleIntegrationTest extends IntegrationTestSupport {

    private static final String SHORT_PLAN = """
            workload: {driver: http, path: /hello}
            load: {users: 1, duration: 200ms}
            """;

    @Autowired
    ScheduleTicker ticker;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aScheduleFiresAtItsTimeOnceThenMovesToTheNextAndSaysSoOnTheRun() {
        long scenario = createScenario("scheduled daily", SHORT_PLAN);
        Response created = post("/api/v1/scenarios/" + scenario + "/schedules", """
                {"cron": "0 3 * * *", "time_zone": "Europe/Paris"}""");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        Instant first = Instant.parse(created.json().get("next_fire_at").asText());
        assertThat(first).isAfter(Instant.now());

        assertThat(ticker.tick(first.minusSeconds(1))).isEmpty();
        List<RunSummary> fired = ticker.tick(first.plusSeconds(1));

        assertThat(fired).extracting(RunSummary::scenarioId).containsExactly(scenario);
        assertThat(fired.get(0).createdBy()).isEqualTo(ADMIN);
        assertThat(ticker.tick(first.plusSeconds(2))).isEmpty();
        JsonNode schedule = get("/api/v1/schedules/" + id).json();
        assertThat(Instant.parse(schedule.get("next_fire_at").asText())).isEqualTo(first.plus(Duration.ofDays(1)));
        assertThat(schedule.get("last_run_id").asLong()).isEqualTo(fired.get(0).id());
        assertThat(jdbc.sql("select schedule_id from runs where id = :id").param("id", fired.get(0).id()).query(Long.class).single())
                .isEqualTo(id);
        delete(id);
    }

    @Test
    void fireTimesMissedWhileTheServerWasDownGiveOneRunOrNoneAsThePolicySays() {
        long scenario = createScenario("scheduled hourly", SHORT_PLAN);
        long once = post("/api/v1/scenarios/" + scenario + "/schedules", "{\"cron\": \"0 * * * *\"}").json().get("id").asLong();
        long skip = post("/api/v1/scenarios/" + scenario + "/schedules", "{\"cron\": \"0 * * * *\", \"missed\": \"skip\"}")
                .json().get("id").asLong();
        Instant next = Instant.parse(get("/api/v1/schedules/" + once).json().get("next_fire_at").asText());
        Instant fiveHoursLate = next.plus(Duration.ofHours(5)).plusSeconds(30);

        List<RunSummary> fired = ticker.tick(fiveHoursLate);

        assertThat(fired).hasSize(1);
        JsonNode runOnce = get("/api/v1/schedules/" + once).json();
        JsonNode skipped = get("/api/v1/schedules/" + skip).json();
        assertThat(runOnce.get("missed_fires").asLong()).isEqualTo(6);
        assertThat(runOnce.get("last_run_id").asLong()).isEqualTo(fired.get(0).id());
        assertThat(skipped.get("last_run_id").isNull()).isTrue();
        assertThat(skipped.get("last_problem").asText()).contains("skipped 6 fire time(s)");
        assertThat(Instant.parse(skipped.get("next_fire_at").asText())).isEqualTo(next.plus(Duration.ofHours(6)));
        delete(once);
        delete(skip);
    }

    @Test
    void aRealCronFiresOnTheRealClockAndPausingStopsIt() {
        long scenario = createScenario("scheduled every 2 s", SHORT_PLAN);
        long id = post("/api/v1/scenarios/" + scenario + "/schedules", "{\"cron\": \"*/2 * * * * *\"}").json().get("id").asLong();

        JsonNode schedule = awaitSchedule(id, s -> !s.get("last_run_id").isNull(), Duration.ofSeconds(15));
        awaitRun(schedule.get("last_run_id").asLong(), status("completed"), Duration.ofSeconds(20));
        JsonNode paused = post("/api/v1/schedules/" + id + "/pause", null).json();

        assertThat(paused.get("paused").asBoolean()).isTrue();
        assertThat(paused.get("next_fire_at").isNull()).isTrue();
        JsonNode resumed = post("/api/v1/schedules/" + id + "/resume", null).json();
        assertThat(Instant.parse(resumed.get("next_fire_at").asText())).isAfter(Instant.now().minusSeconds(1));
        delete(id);
    }

    @Test
    void aRealOneMinuteCronFiresAtTheTopOfTheNextMinuteThenMovesOnAMinute() {
        long scenario = createScenario("scheduled every minute", SHORT_PLAN);
        JsonNode created = post("/api/v1/scenarios/" + scenario + "/schedules", "{\"cron\": \"* * * * *\"}").json();
        long id = created.get("id").asLong();
        Instant due = Instant.parse(created.get("next_fire_at").asText());
        assertThat(due.getEpochSecond() % 60).isZero();
        assertThat(Duration.between(Instant.now(), due)).isBetween(Duration.ZERO, Duration.ofSeconds(60));

        // up to a minute of real time: the one test of the cron on the wall clock at its usual grain
        JsonNode schedule = awaitSchedule(id, s -> !s.get("last_run_id").isNull(), Duration.ofSeconds(75));
        JsonNode run = get("/api/v1/runs/" + schedule.get("last_run_id").asLong()).json();
        Instant queued = Instant.parse(run.get("queued_at").asText());
        assertThat(queued).isBetween(due, due.plusSeconds(10));
        assertThat(run.get("source").asText()).isEqualTo("schedule");
        assertThat(Instant.parse(schedule.get("next_fire_at").asText())).isEqualTo(due.plusSeconds(60));
        delete(id);
        awaitRun(run.get("id").asLong(), r -> !r.get("status").asText().matches("queued|running"), Duration.ofSeconds(20));
    }

    @Test
    void badSchedulesAreRefusedWithTheirPaths() {
        long scenario = createScenario("badly scheduled", SHORT_PLAN);

        Response bad = post("/api/v1/scenarios/" + scenario + "/schedules", """
                {"cron": "0 25 * * *", "time_zone": "Nowhere/Land", "missed": "all"}""");

        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").findValuesAsText("path")).containsExactly("cron", "time_zone", "missed");
        assertThat(post("/api/v1/scenarios/987654/schedules", "{\"cron\": \"@daily\"}").status()).isEqualTo(404);
        Response preview = get("/api/v1/schedules/preview?cron=0+3+*+*+*&time_zone=UTC");
        assertThat(preview.json().get("next_fire_times")).hasSize(5);
        JsonNode nonsense = get("/api/v1/schedules/preview?cron=nonsense").json();
        assertThat(nonsense.get("valid").asBoolean()).isFalse();
        assertThat(nonsense.get("problems").findValuesAsText("path")).containsExactly("cron");
    }

    private void delete(long id) {
        assertThat(send(java.net.http.HttpRequest.newBuilder(uri("/api/v1/schedules/" + id)).DELETE()).status()).isEqualTo(204);
    }

    private JsonNode awaitSchedule(long id, java.util.function.Predicate<JsonNode> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode schedule;
        do {
            schedule = get("/api/v1/schedules/" + id).json();
            if (condition.test(schedule)) {
                return schedule;
            }
            sleep(100);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("schedule " + id + " did not get there in " + timeout + "; last: " + schedule);
    }
}
