package dev.benchdeck.driver.http;

import static dev.benchdeck.driver.http.HttpPlans.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.benchdeck.engine.driver.Driver;
import dev.benchdeck.engine.driver.ErrorClasses;
import dev.benchdeck.engine.driver.Outcome;
import dev.benchdeck.engine.driver.Session;
import dev.benchdeck.engine.driver.Timings;
import dev.benchdeck.engine.testkit.DriverCompatibilityKit;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class Http1SessionTest extends DriverCompatibilityKit {

    ScriptedServer server;
    Driver driver;

    @BeforeEach
    void startServer() throws IOException {
        server = ScriptedServer.start();
    }

    @AfterEach
    void stop() throws IOException {
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
        return HttpPlans.parse("url: http://127.0.0.1:" + target.getPort(), "path: /ok").open();
    }

    /** The blocking client's own messages for each fault. */
    @Override
    protected void checkFailure(Fault fault, Outcome.Failure failure, Duration timeout) {
        switch (fault) {
            case TIMEOUT -> assertThat(failure.message()).isEqualTo("read timed out after " + timeout.toMillis() + " ms");
            case REFUSED -> assertThat(failure.message()).isEqualTo("connection refused");
            case ABORTED -> assertThat(failure.message()).isEqualTo("aborted: session closed");
            case HANG_UP -> assertThat(failure.message())
                    .isIn("connection reset by peer", "connection closed by peer before responding");
        }
    }

    /** A new session of a newly opened driver; subclasses run the same tests on another way in. */
    Session session(String workloadYaml) throws Exception {
        driver = HttpPlans.parse("url: " + server.url(), workloadYaml).open();
        return driver.newSession();
    }

    private Outcome.Failure failure(String path, Duration timeout) throws Exception {
        Outcome outcome = session("path: " + path).execute(request(0, timeout));
        assertThat(outcome).isInstanceOf(Outcome.Failure.class);
        return (Outcome.Failure) outcome;
    }

    private Outcome.Failure failure(String path) throws Exception {
        return failure(path, Duration.ofSeconds(2));
    }

    @Test
    void keepsTheConnectionAliveAcrossRequests() throws Exception {
        Session session = session("path: /ok");

        Outcome first = session.execute(request(0));
        Outcome second = session.execute(request(1));

        assertThat(first).isInstanceOf(Outcome.Success.class);
        assertThat(second).isInstanceOf(Outcome.Success.class);
        Timings t1 = first.timings();
        assertThat(t1.opened()).isTrue();
        assertThat(t1.connectNanos()).isPositive();
        assertThat(t1.firstByte()).isBetween(t1.send(), t1.end());
        Timings t2 = second.timings();
        assertThat(t2.connectNanos()).isEqualTo(Timings.NONE);
        assertThat(t2.firstByte()).isBetween(t2.send(), t2.end());
        assertThat(server.connectionsUsed()).isEqualTo(1);
        assertThat(server.requests()).extracting(ScriptedServer.Request::target).containsExactly("/ok", "/ok");
        assertThat(server.requests().get(0).headers())
                .containsEntry("host", "127.0.0.1:" + server.port()).containsEntry("user-agent", "benchdeck");
    }

    @Test
    void readsChunkedAnswersAndKeepsTheConnection() throws Exception {
        Session session = session("path: /chunked");

        assertThat(session.execute(request(0))).isInstanceOf(Outcome.Success.class);
        Outcome second = session.execute(request(1));

        assertThat(second).isInstanceOf(Outcome.Success.class);
        assertThat(second.timings().opened()).isFalse();
    }

    @Test
    void reconnectsAfterConnectionClose() throws Exception {
        Session session = session("path: /close");

        Outcome first = session.execute(request(0));
        Outcome second = session.execute(request(1));

        assertThat(first).isInstanceOf(Outcome.Success.class);
        assertThat(second).isInstanceOf(Outcome.Success.class);
        assertThat(second.timings().opened()).isTrue();
        assertThat(server.connectionsUsed()).isEqualTo(2);
    }

    @Test
    void readsABodyThatRunsToTheEndOfTheConnection() throws Exception {
        Session session = session("path: /eof-body");

        assertThat(session.execute(request(0))).isInstanceOf(Outcome.Success.class);
        assertThat(session.execute(request(1)).timings().opened()).isTrue();
    }

    @Test
    void resendsAnIdempotentRequestWhenTheKeptAliveConnectionWasClosed() throws Exception {
        Session session = session("path: /then-close");
        assertThat(session.execute(request(0))).isInstanceOf(Outcome.Success.class);
        awaitServerHangUps(1);

        Outcome second = session.execute(request(1));

        assertThat(second).isInstanceOf(Outcome.Success.class);
        assertThat(second.timings().opened()).isTrue();
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void doesNotResendAPostOnAClosedKeptAliveConnection() throws Exception {
        Session session = session("{method: POST, path: /then-close, body: x}");
        assertThat(session.execute(request(0))).isInstanceOf(Outcome.Success.class);
        awaitServerHangUps(1);

        Outcome second = session.execute(request(1));

        assertThat(second).isInstanceOfSatisfying(Outcome.Failure.class,
                f -> assertThat(f.errorClass()).isEqualTo(ErrorClasses.RESET));
        assertThat(server.requests()).hasSize(1);
        assertThat(session.execute(request(2))).isInstanceOf(Outcome.Success.class);
    }

    @Test
    void classifiesUnexpectedStatuses() throws Exception {
        Outcome.Failure notFound = failure("/status/404");
        assertThat(notFound.errorClass()).isEqualTo(ErrorClasses.HTTP_4XX);
        assertThat(notFound.message()).isEqualTo("HTTP 404");
        assertThat(notFound.timings().hasFirstByte()).isTrue();
        driver.close();

        Outcome.Failure unavailable = failure("/status/503");
        assertThat(unavailable.errorClass()).isEqualTo(ErrorClasses.HTTP_5XX);
        assertThat(unavailable.message()).isEqualTo("HTTP 503");
        driver.close();

        assertThat(failure("/status/302").errorClass()).isEqualTo(ErrorClasses.HTTP_OTHER);
    }

    @Test
    void expectStatusDecidesWhatSucceeds() throws Exception {
        Session session = session("{path: /status/404, expect_status: [404, 410]}");
        assertThat(session.execute(request(0))).isInstanceOf(Outcome.Success.class);
        driver.close();

        Outcome outcome = session("{path: /ok, expect_status: 201}").execute(request(0));
        assertThat(outcome).isInstanceOfSatisfying(Outcome.Failure.class, f -> {
            assertThat(f.errorClass()).isEqualTo(ErrorClasses.HTTP_OTHER);
            assertThat(f.message()).isEqualTo("HTTP 200");
        });
    }

    @Test
    void reportsAConnectionResetByThePeer() throws Exception {
        Outcome.Failure reset = failure("/reset");

        assertThat(reset.errorClass()).isEqualTo(ErrorClasses.RESET);
        assertThat(reset.message()).isIn("connection reset by peer", "connection closed by peer before responding");
    }

    @Test
    void reportsAConnectionClosedBeforeOrDuringTheAnswer() throws Exception {
        Outcome.Failure before = failure("/no-answer");
        assertThat(before.errorClass()).isEqualTo(ErrorClasses.RESET);
        assertThat(before.message()).isEqualTo("connection closed by peer before responding");
        driver.close();

        Outcome.Failure midway = failure("/partial");
        assertThat(midway.errorClass()).isEqualTo(ErrorClasses.RESET);
        assertThat(midway.message()).isEqualTo("connection closed by peer mid-response");
        assertThat(midway.timings().hasFirstByte()).isTrue();
    }

    @Test
    void reportsBrokenResponsesAsProtocolErrors() throws Exception {
        Outcome.Failure garbage = failure("/garbage");
        assertThat(garbage.errorClass()).isEqualTo(ErrorClasses.PROTOCOL);
        assertThat(garbage.message()).isEqualTo("malformed status line 'garbage'");
        driver.close();

        Outcome.Failure badChunk = failure("/bad-chunk");
        assertThat(badChunk.errorClass()).isEqualTo(ErrorClasses.PROTOCOL);
        assertThat(badChunk.message()).isEqualTo("bad chunk size 'zz'");
    }

    @Test
    void fillsInTemplatesPerRequest() throws Exception {
        Session session = session("""
                method: POST
                path: /ok/${seq}
                headers: {X-User: '${user}', X-Pick: '${random_int(5,6)}'}
                body: '{"seq": ${seq}, "id": "${uuid}"}'
                """);

        assertThat(session.execute(request(41))).isInstanceOf(Outcome.Success.class);
        assertThat(session.execute(request(42))).isInstanceOf(Outcome.Success.class);

        assertThat(server.requests()).satisfiesExactly(
                r -> {
                    assertThat(r.method()).isEqualTo("POST");
                    assertThat(r.target()).isEqualTo("/ok/41");
                    assertThat(r.headers()).containsEntry("x-user", "7").containsKey("x-pick");
                    assertThat(r.headers().get("x-pick")).isIn("5", "6");
                    assertThat(r.body()).matches("\\{\"seq\": 41, \"id\": \"[0-9a-f-]{36}\"}");
                },
                r -> assertThat(r.target()).isEqualTo("/ok/42"));
    }

    @Test
    void headRequestsReadNoBody() throws Exception {
        server.on("/head", (request, socket, out) -> {
            ScriptedServer.write(out, "HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n");
            return true;
        });
        Session session = session("{method: HEAD, path: /head}");

        assertThat(session.execute(request(0))).isInstanceOf(Outcome.Success.class);
        assertThat(session.execute(request(1)).timings().opened()).isFalse();
    }

    @Test
    void runsOnVirtualThreadsAndStopsWhenInterrupted() throws Exception {
        Session session = session("path: /delay/10000");
        Outcome[] outcome = new Outcome[1];
        Throwable[] thrown = new Throwable[1];
        Thread user = Thread.ofVirtual().start(() -> {
            try {
                outcome[0] = session.execute(request(0, Duration.ofSeconds(30)));
            } catch (Throwable t) {
                thrown[0] = t;
            }
        });
        Thread.sleep(200);

        user.interrupt();
        user.join(Duration.ofSeconds(2));

        assertThat(user.isAlive()).isFalse();
        assertThat(outcome[0]).isNull();
        assertThat(thrown[0]).isInstanceOf(InterruptedException.class);
    }

    void awaitServerHangUps(int count) throws InterruptedException {
        long give = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (server.connectionsClosedByServer() < count && System.nanoTime() < give) {
            Thread.sleep(5);
        }
        assertThat(server.connectionsClosedByServer()).isGreaterThanOrEqualTo(count);
    }
}
