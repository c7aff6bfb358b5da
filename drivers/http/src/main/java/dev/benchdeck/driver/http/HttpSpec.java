package dev.benchdeck.driver.http;

import dev.benchdeck.driver.http.h1.Http1Driver;
import dev.benchdeck.driver.http.h2.Http2Driver;
import dev.benchdeck.engine.driver.Driver;
import dev.benchdeck.engine.driver.DriverException;
import dev.benchdeck.engine.driver.DriverSpec;
import dev.benchdeck.engine.time.EngineClock;

/** A checked http target and workload; opening it resolves the host and connects once to prove it is there. */
public record HttpSpec(HttpTarget target, HttpWorkload workload, dev.benchdeck.engine.driver.JourneyOutline journey)
        implements DriverSpec {

    HttpSpec(HttpTarget target, HttpWorkload workload) {
        this(target, workload, null);
    }

    @Override
    public Driver open(EngineClock clock) throws DriverException {
        if (target == null || workload == null) {
            throw new IllegalStateException("this http spec had problems and cannot be opened");
        }
        Endpoint endpoint = Endpoint.resolve(target);
        endpoint.probe(clock);
        return target.version() == HttpVersion.HTTP_2
                ? new Http2Driver(clock, target, workload)
                : new Http1Driver(clock, endpoint, workload);
    }
}
