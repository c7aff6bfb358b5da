package dev.benchdeck.driver.http;

import static dev.benchdeck.driver.http.HttpPlans.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.benchdeck.engine.driver.AsyncSession;
import dev.benchdeck.engine.driver.Driver;
import dev.benchdeck.engine.driver.Outcome;
import dev.benchdeck.engine.driver.RequestContext;
import dev.benchdeck.engine.driver.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Every {@link Http1SessionTest} again, with each request submitted to the event loop. */
class NonBlockingHttp1SessionTest extends Http1SessionTest {

    @Override
    Session session(String workloadYaml) throws Exception {
        Session session = super.session(workloadYaml);
        assertThat(session).isInstanceOf(AsyncSession.class);
        return new Submitting((AsyncSession) session);
    }

    @Override
    protected Session newSession(Driver driver) {
        Session session = driver.newSession();
        assertThat(session).isInstanceOf(AsyncSession.class);
        return new Submitting((AsyncSession) session);
    }

    @Test
    void chainsRequestsFromTheCallbackOnTheLoopThread() throws Exception {
        AsyncSession session = ((Submitting) session("path: /ok")).session;
        List<Outcome> outcomes = new ArrayList<>();
        List<String> threads = new ArrayList<>();
        CountDownLatch finished = new CountDownLatch(1);
        session.submit(request(0), new java.util.function.Consumer<Outcome>() {
            @Override
            public void accept(Outcome outcome) {
                outcomes.add(outcome);
                threads.add(Thread.currentThread().getName());
                if (outcomes.size() < 20) {
                    session.submit(request(outcomes.size()), this);
                } else {
                    finished.countDown();
                }
            }
        });

        assertThat(finished.await(3, TimeUnit.SECONDS)).isTrue();
        assertThat(outcomes).allMatch(Outcome.Success.class::isInstance);
        assertThat(outcomes).filteredOn(o -> o.timings().opened()).hasSize(1);
        assertThat(threads).containsOnly("bd-http-loop");
        assertThat(server.connectionsUsed()).isEqualTo(1);
    }

    /**
     * Unlike a blocking socket, the event loop sees an idle connection's hang-up as it happens and
     * drops it, so the POST goes out once, on a fresh connection, instead of failing.
     */
    @Override
    @Test
    void doesNotResendAPostOnAClosedKeptAliveConnection() throws Exception {
        Session session = session("{method: POST, path: /then-close, body: x}");
        assertThat(session.execute(request(0))).isInstanceOf(Outcome.Success.class);
        awaitServerHangUps(1);
        Thread.sleep(200); // the loop thread handles the hang-up; nothing to poll from here

        Outcome second = session.execute(request(1));

        assertThat(second).isInstanceOf(Outcome.Success.class);
        assertThat(second.timings().opened()).isTrue();
        assertThat(server.requests()).hasSize(2);
    }

    /** Runs the async session as a blocking one: submit, then wait for the callback. */
    private record Submitting(AsyncSession session) implements Session {

        @Override
        public Outcome execute(RequestContext request) throws InterruptedException {
            CompletableFuture<Outcome> outcome = new CompletableFuture<>();
            String caller = Thread.currentThread().getName();
            session.submit(request, o -> {
                assertThat(Thread.currentThread().getName()).isNotEqualTo(caller);
                outcome.complete(o);
            });
            try {
                return outcome.get();
            } catch (ExecutionException e) {
                throw new AssertionError(e);
            }
        }

        @Override
        public void close() {
            session.close();
        }
    }
}
