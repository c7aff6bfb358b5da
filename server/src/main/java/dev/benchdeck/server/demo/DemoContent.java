package dev.benchdeck.server.demo;

import dev.benchdeck.server.scenario.ScenarioService;
import dev.benchdeck.server.system.BenchdeckProperties;
import dev.benchdeck.server.target.TargetRepository;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** On a first start (no targets at all), creates the demo target and three scenarios that run at once. */
@Component
class DemoContent {

    static final String TARGET_NAME = "Benchdeck demo endpoints";
    private static final Logger log = LoggerFactory.getLogger(DemoContent.class);

    private final TargetRepository targets;
    private final ScenarioService scenarios;
    private final BenchdeckProperties properties;

    DemoContent(TargetRepository targets, ScenarioService scenarios, BenchdeckProperties properties) {
        this.targets = targets;
        this.scenarios = scenarios;
        this.properties = properties;
    }

    @EventListener
    void serverStarted(WebServerInitializedEvent event) {
        if (!properties.demo() || !targets.isEmpty()) {
            return;
        }
        long target = targets.insert(TARGET_NAME, "http", "http://127.0.0.1:" + event.getWebServer().getPort() + "/demo",
                Map.of("http_version", "1.1"), null);
        scenarios.create("hello, 10 users, 10 s", "10 users fetch a 100-byte text as fast as it answers.", target, """
                workload: {driver: http, method: GET, path: /hello}
                load: {model: closed, users: 10, warmup: 2s, duration: 10s}
                thresholds: ['p99 < 50ms', 'error_rate < 1%']
                """);
        scenarios.create("open model 200/s on /delay/20",
                "200 requests per second arrive whatever the answers; each takes 20 ms on the server.", target, """
                workload: {driver: http, path: /delay/20}
                load: {model: open, arrival: poisson, rate: 200, warmup: 2s, duration: 10s}
                thresholds: ['p99 < 100ms', 'dropped < 1']
                """);
        scenarios.create("sweep 5/10/20 users on /delay/10",
                "The same 10 ms endpoint at growing concurrency, one step each.", target, """
                workload: {driver: http, path: /delay/10}
                load:
                  model: closed
                  warmup: 1s
                  duration: 5s
                  steps:
                    - users: 5
                    - users: 10
                    - users: 20
                thresholds: ['p99 < 50ms per step', 'error_rate < 1%']
                """);
        log.info("Created the demo target and 3 scenarios (first start)");
    }
}
