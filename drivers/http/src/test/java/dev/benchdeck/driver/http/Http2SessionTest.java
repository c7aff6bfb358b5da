package dev.benchdeck.driver.http;

import static dev.benchdeck.driver.http.HttpPlans.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.benchdeck.engine.driver.Driver;
import dev.benchdeck.engine.driver.ErrorClasses;
import dev.benchdeck.engine.driver.Outcome;
import dev.benchdeck.engine.driver.Session;
import dev.benchdeck.engine.driver.Timings;
import dev.benchdeck.engine.testkit.DriverCompatibilityKit;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** HTTP/2 mode against an HTTP/1.1-only server: the JDK client's h2c upgrade is declined and it falls back. */
@Timeout(10)
class Http2SessionTest extends DriverCompatibilityKit {

    private ScriptedServer server;
    private Driver driver;

    @BeforeEach
    void startServer() throws Exception {
        server = ScriptedServer.start();
    }

    @AfterEach
    void stop() throws Exception {
        if (driver != null) {
            driver.close();
        }
        server.close();
    }

    @Override
    protected InetSocketAddress backend() {
        return new InetSocketAddress("127.0.0.1", server.port());
    }

    @Override
    protected Driver openDriver(InetSocketAddress target) throws Exception {
        return HttpPlans.parse("{url: 'http://127.0.0.1:" + target.getPort() + "', http_version: '2'}", "path: /ok").open();
    }

    /** The JDK client's messages; it says nothing more specific of a hang-up or a refusal than their class. */
    @Override
    protected void checkFailure(Fault fault, Outcome.Failure failure, Duration timeout) {
        switch (fault) {
            case TIMEOUT -> assertThat(failure.message()).isEqualTo("request timed out after " + timeout.toMillis() + " ms");
            case ABORTED -> assertThat(failure.message()).isEqualTo("aborted: session closed");
            default -> { }
        }
    }

    private Session session(String workloadYaml) throws Exception {
        driver = HttpPlans.parse("{url: '" + server.url() + "', http_version: '2'}", workloadYaml).open();
        return driver.newSession();
    }

    @Test
    void sendsTemplatedRequestsAndReportsNoFirstByte() throws Exception {
        Session session = session("{method: PUT, path: '/ok/${seq}', headers: {X-User: '${user}'}, body: 'n=${seq}'}");

        Outcome outcome = session.execute(request(5));

        assertThat(outcome).isInstanceOf(Outcome.Success.class);
        assertThat(outcome.timings().firstByte()).isEqualTo(Timings.NONE);
        assertThat(outcome.timings().connectNanos()).isEqualTo(Timings.NONE);
        assertThat(server.requests()).singleElement().satisfies(r -> {
            assertThat(r.method()).isEqualTo("PUT");
            assertThat(r.target()).isEqualTo("/ok/5");
            assertThat(r.headers()).containsEntry("x-user", "7");
            assertThat(r.body()).isEqualTo("n=5");
        });
    }

    @Test
    void reusesAnUnchangingRequestAndClassifiesStatuses() throws Exception {
        Session session = session("path: /status/503");

        Outcome first = session.execute(request(0));
        Outcome second = session.execute(request(1));

        assertThat(first).isInstanceOfSatisfying(Outcome.Failure.class, f -> {
            assertThat(f.errorClass()).isEqualTo(ErrorClasses.HTTP_5XX);
            assertThat(f.message()).isEqualTo("HTTP 503");
        });
        assertThat(second).isInstanceOf(Outcome.Failure.class);
        assertThat(server.requests()).hasSize(2);
    }

}
