package dev.benchdeck.driver.http;

import static dev.benchdeck.driver.http.HttpPlans.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.benchdeck.engine.driver.Driver;
import dev.benchdeck.engine.driver.ErrorClasses;
import dev.benchdeck.engine.driver.Outcome;
import dev.benchdeck.engine.driver.Session;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(5)
class SharedConnectionsTest {

    private ScriptedServer server;

    @BeforeEach
    void startServer() throws Exception {
        server = ScriptedServer.start();
    }

    @AfterEach
    void stopServer() throws Exception {
        server.close();
    }

    private Driver pooled(int connections, String path) throws Exception {
        return HttpPlans.parse("{url: '" + server.url() + "', connections: " + connections + "}", "path: " + path).open();
    }

    @Test
    void sessionsShareTheBoundedPool() throws Exception {
        try (Driver driver = pooled(2, "/ok"); ExecutorService users = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<List<Outcome>>> results = new ArrayList<>();
            for (int u = 0; u < 6; u++) {
                Session session = driver.newSession();
                results.add(users.submit(() -> {
                    List<Outcome> outcomes = new ArrayList<>();
                    for (int i = 0; i < 20; i++) {
                        outcomes.add(session.execute(request(i)));
                    }
                    return outcomes;
                }));
            }

            for (Future<List<Outcome>> result : results) {
                assertThat(result.get()).allSatisfy(o -> assertThat(o).isInstanceOf(Outcome.Success.class));
            }
            assertThat(server.connectionsUsed()).isBetween(1L, 2L);
            assertThat(server.requests()).hasSize(120);
        }
    }

    @Test
    void aRequestThatFindsNoFreeConnectionTimesOut() throws Exception {
        try (Driver driver = pooled(1, "/delay/400")) {
            Session busy = driver.newSession();
            Session waiting = driver.newSession();
            Thread holder = Thread.ofVirtual().start(() -> {
                try {
                    busy.execute(request(0));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            Thread.sleep(100);

            Outcome outcome = waiting.execute(request(1, Duration.ofMillis(200)));

            assertThat(outcome).isInstanceOfSatisfying(Outcome.Failure.class, f -> {
                assertThat(f.errorClass()).isEqualTo(ErrorClasses.TIMEOUT);
                assertThat(f.message()).isEqualTo("no free connection within 200 ms");
                // never sent: its whole time was the wait for a connection
                assertThat(f.timings().connectWaitNanos()).isGreaterThanOrEqualTo(Duration.ofMillis(200).toNanos());
                assertThat(f.timings().serviceNanos()).isZero();
            });
            holder.join(Duration.ofSeconds(2));
            Outcome afterwards = waiting.execute(request(2));
            assertThat(afterwards).isInstanceOf(Outcome.Success.class);
            assertThat(afterwards.timings().opened()).as("the pooled connection is reused").isFalse();
        }
    }
}
