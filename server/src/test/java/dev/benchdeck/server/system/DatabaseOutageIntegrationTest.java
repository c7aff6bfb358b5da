package dev.benchdeck.server.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchdeck.embeddedpg.EmbeddedPostgres;
import dev.benchdeck.server.IntegrationTestSupport;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The embedded PostgreSQL's postmaster killed by its pid: while it is down the API answers 503 problem
 * details quickly and readiness is DOWN; the supervisor starts it again and everything recovers. A
 * context of its own (its own database), checked every 4 s so that the outage lasts long enough to see;
 * the mock LLM is off in it.
 */
@TestPropertySource(properties = {"benchdeck.test.instance=outage", "benchdeck.embedded-db.supervision-interval=4s",
        "benchdeck.mock-llm.port=-1"})
class DatabaseOutageIntegrationTest extends IntegrationTestSupport {

    /** The pool waits 1 s for a connection; the rest is a noisy machine's margin. */
    private static final Duration QUICK = Duration.ofMillis(2_500);

    @Autowired
    EmbeddedPostgres pg;

    @Test
    void whileThePostmasterIsDeadRequestsGetA503QuicklyAndAfterItsRestartEverythingWorks() {
        assertThat(get("/api/v1/runs").status()).isEqualTo(200);
        assertThat(get("/actuator/health/readiness").status()).isEqualTo(200);
        long pid = pg.pid().orElseThrow();

        ProcessHandle.of(pid).orElseThrow().destroyForcibly();
        long killed = System.nanoTime();

        // the backends end a moment after their postmaster: from then on, every request is a quick 503
        Response during;
        do {
            long asked = System.nanoTime();
            during = get("/api/v1/runs");
            assertThat(Duration.ofNanos(System.nanoTime() - asked)).as("an answer, not a wait").isLessThan(QUICK);
            sleep(during.status() == 200 ? 50 : 0);
        } while (during.status() == 200 && System.nanoTime() - killed < Duration.ofSeconds(3).toNanos());
        assertThat(during.status()).as(during.body()).isEqualTo(503);
        assertThat(ProblemShape.problems(during)).isEmpty();
        assertThat(during.json().get("detail").asText()).startsWith("database unavailable");
        assertThat(during.json().get("title").asText()).isEqualTo("Database unavailable");

        Response readiness = get("/actuator/health/readiness");
        assertThat(readiness.status()).as("readiness DOWN within seconds").isEqualTo(503);
        assertThat(Duration.ofNanos(System.nanoTime() - killed)).isLessThan(Duration.ofSeconds(4));

        JsonNode recovered = awaitHealthy(Duration.ofSeconds(60));
        assertThat(recovered.path("components").path("embeddedPostgres").path("details").path("restarts").asInt()).isEqualTo(1);
        assertThat(pg.pid().orElseThrow()).isNotEqualTo(pid);
        assertThat(get("/api/v1/runs").status()).isEqualTo(200);
        assertThat(get("/api/v1/targets").status()).isEqualTo(200);
    }

    @Test
    void theMockLlmConfigurationIsA404WhileTheMockIsOff() {
        Response off = get("/api/v1/mock-llm/config");
        assertThat(off.status()).isEqualTo(404);
        assertThat(ProblemShape.problems(off)).isEmpty();
        assertThat(get("/actuator/health").json().path("components").path("mockLlm").path("status").asText()).isEqualTo("UNKNOWN");
    }

    private JsonNode awaitHealthy(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Response health;
        do {
            health = get("/actuator/health");
            if (health.status() == 200 && get("/api/v1/runs").status() == 200) {
                return health.json();
            }
            sleep(200);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("not healthy again within " + timeout + ": " + health.body());
    }
}
