package dev.benchdeck.driver.http.h1;

import dev.benchdeck.driver.http.Journey;
import dev.benchdeck.engine.driver.Outcome;
import dev.benchdeck.engine.driver.RequestContext;
import dev.benchdeck.engine.driver.Session;
import dev.benchdeck.engine.time.EngineClock;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * One virtual user of a journey: each engine operation is one whole iteration, run on the blocking HTTP/1.1 session
 * (think times park the user's virtual thread). Its cookie jar lives as long as the user.
 */
final class JourneySession implements Session {

    private final Http1Session http;
    private final JourneyRunner runner;

    public JourneySession(Http1Session http, Journey journey, String hostHeader, EngineClock clock, long seed) {
        this.http = http;
        RandomGenerator random = new SplittableRandom(seed);
        this.runner = new JourneyRunner(journey, hostHeader, clock, http::exchange, random);
    }

    @Override
    public Outcome execute(RequestContext request) throws InterruptedException {
        return runner.iteration(request);
    }

    @Override
    public void close() {
        http.close();
    }
}
