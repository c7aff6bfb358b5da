package dev.benchdeck.server.demo;

import dev.benchdeck.server.scenario.ScenarioService;
import dev.benchdeck.server.system.BenchdeckProperties;
import dev.benchdeck.server.system.Json;
import dev.benchdeck.server.target.CredentialCipher;
import dev.benchdeck.server.target.Target;
import dev.benchdeck.server.target.TargetKinds;
import dev.benchdeck.server.target.TargetRepository;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The built-in demo, each part created once and recorded in {@code demo_content}: on a first start
 * (no targets at all) the HTTP demo target with three scenarios; once the mock LLM server runs, an
 * llm and an automation target on it, each with a scenario; inside the embedded PostgreSQL a demo
 * database with a thread-sweep scenario ({@link DemoDatabase}; also once for data directories that
 * already have demo content); the demo gateway and the demo ingestor ({@link DemoIngestor}), each a target with a
 * scenario. Demo targets follow their server when its port changes.
 */
@Component
class DemoContent {

    static final String TARGET_NAME = "Benchdeck demo endpoints";
    static final String LLM_TARGET_NAME = "Mock LLM";
    static final String AUTOMATION_TARGET_NAME = "Mock automation";
    static final String LLM_SCENARIO_NAME = "LLM streaming sweep (mock)";
    static final String AUTOMATION_SCENARIO_NAME = "Automation runs (mock)";
    private static final String HTTP_PART = "http";
    private static final String LLM_PART = "llm";
    private static final String AUTOMATION_PART = "automation";
    private static final String DATABASE_PART = "database";
    private static final String GATEWAY_PART = "gateway";
    static final String GATEWAY_TARGET_NAME = "Demo gateway";
    static final String GATEWAY_SCENARIO_NAME = "Gateway streaming sweep (demo)";
    private static final String INGESTOR_PART = "ingestor";
    static final String INGESTOR_TARGET_NAME = "Demo ingestor";
    static final String INGESTOR_SCENARIO_NAME = "Ingestion 500 and 2,000 msg/s (demo)";
    static final String INGESTOR_PLAN = """
            workload:
              driver: ingest
              batch_size: 10
              poll_interval: 5ms
              grace: 10s
            load:
              model: open
              arrival: constant
              warmup: 1s
              duration: 5s
              steps:
                - rate: 50
                - rate: 200
            thresholds:
              - lost = 0
              - duplicated = 0
              - e2e.p99 < 1s
            """;
    private static final String LOCAL = "http://127.0.0.1:";
    private static final Logger log = LoggerFactory.getLogger(DemoContent.class);

    private final TargetRepository targets;
    private final ScenarioService scenarios;
    private final BenchdeckProperties properties;
    private final DemoMockLlm mockLlm;
    private final DemoHttpTarget httpTarget;
    private final DemoDatabase database;
    private final DemoGateway gateway;
    private final DemoIngestor ingestor;
    private final CredentialCipher cipher;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    DemoContent(TargetRepository targets, ScenarioService scenarios, BenchdeckProperties properties, DemoMockLlm mockLlm,
                DemoHttpTarget httpTarget, DemoDatabase database, DemoGateway gateway, DemoIngestor ingestor,
                CredentialCipher cipher, JdbcClient jdbc, TransactionTemplate transaction) {
        this.gateway = gateway;
        this.ingestor = ingestor;
        this.cipher = cipher;
        this.targets = targets;
        this.scenarios = scenarios;
        this.properties = properties;
        this.mockLlm = mockLlm;
        this.httpTarget = httpTarget;
        this.database = database;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    @EventListener
    void serverStarted(WebServerInitializedEvent event) {
        if (!properties.demo()) {
            return;
        }
        boolean firstStart = targets.isEmpty();
        Map<String, Long> made = recorded();
        boolean hadDemo = firstStart || !made.isEmpty() || legacyHttpDemo().isPresent();
        httpTarget.baseUrl().ifPresent(url -> transaction.executeWithoutResult(status -> httpDemo(url, firstStart, made)));
        mockLlm.baseUrl().ifPresent(url -> transaction.executeWithoutResult(status -> llmDemo(url, made)));
        if (hadDemo || made.containsKey(GATEWAY_PART)) {
            gateway.baseUrl().ifPresent(url -> transaction.executeWithoutResult(status -> gatewayDemo(url, made)));
        }
        if (hadDemo || made.containsKey(INGESTOR_PART)) {
            ingestor.baseUrl().ifPresent(url -> transaction.executeWithoutResult(status -> ingestorDemo(url, made)));
        }
        databaseDemo(hadDemo, made);
    }

    private Map<String, Long> recorded() {
        return jdbc.sql("select name, coalesce(target_id, 0) from demo_content")
                .query((rs, row) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private void httpDemo(String url, boolean firstStart, Map<String, Long> made) {
        if (made.containsKey(HTTP_PART)) {
            follow(made.get(HTTP_PART), url);
            followMetrics(made.get(HTTP_PART), url);
            return;
        }
        Optional<Target> legacy = legacyHttpDemo();
        if (legacy.isPresent()) {
            // made before the demo endpoints moved out of the API's own server (they were at <server>/demo)
            record(HTTP_PART, legacy.get().id());
            follow(legacy.get().id(), url);
            return;
        }
        if (!firstStart) {
            return;
        }
        long target = targets.insert(TARGET_NAME, TargetKinds.HTTP, url, Map.of("http_version", "1.1", "metrics", demoMetrics(url)), null);
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
        record(HTTP_PART, target);
    }

    /** The demo target's own Prometheus endpoint and the series its runs record: all answers, 5xx answers, in flight. */
    private static Map<String, Object> demoMetrics(String url) {
        return Map.of("url", url + "/metrics", "series",
                List.of("demo_requests_total", "demo_requests_total{status=~\"5..\"}", "demo_in_flight_requests"));
    }

    /** The HTTP demo target of a data directory from before {@code demo_content} recorded it. */
    private Optional<Target> legacyHttpDemo() {
        return targets.findAll().stream()
                .filter(t -> TARGET_NAME.equals(t.name()) && t.url().matches("http://127\\.0\\.0\\.1:\\d+/demo/?"))
                .findFirst();
    }

    private void llmDemo(String mockUrl, Map<String, Long> made) {
        if (!made.containsKey(LLM_PART)) {
            long llm = targets.insert(LLM_TARGET_NAME, TargetKinds.LLM, mockUrl,
                    Map.of("provider", "openai-compatible", "model", "mock-1"), null);
            scenarios.create(LLM_SCENARIO_NAME, "OpenAI-style chat streams from Benchdeck's mock LLM server at 1, 5 and 10 "
                    + "users: TTFT, ITL, TPOT, E2E, tokens/s and goodput per step.", llm, """
                    workload:
                      driver: llm
                      api: openai-chat
                      prompt_words: {mean: 50, spread: 10}
                      max_tokens: 64
                      slo: {ttft: 500ms, tpot: 50ms}
                    load:
                      model: closed
                      warmup: 1s
                      duration: 3s
                      steps:
                        - users: 1
                        - users: 5
                        - users: 10
                    timeout: 30s
                    """);
            record(LLM_PART, llm);
        } else {
            follow(made.get(LLM_PART), mockUrl);
        }
        if (!made.containsKey(AUTOMATION_PART)) {
            long automation = targets.insert(AUTOMATION_TARGET_NAME, TargetKinds.AUTOMATION, mockUrl,
                    Map.of("automation_id", "web-agent", "api", "automation-async",
                            "description", "The mock's web agent: each run takes 500-2,000 ms.",
                            "inputs", Map.of("url", "https://example.test", "task", "find the price")), null);
            scenarios.create(AUTOMATION_SCENARIO_NAME, "5 users start mock automation runs and poll each until it ends.",
                    automation, """
                    workload: {driver: llm}
                    load: {model: closed, users: 5, duration: 10s}
                    timeout: 30s
                    """);
            record(AUTOMATION_PART, automation);
        } else {
            follow(made.get(AUTOMATION_PART), mockUrl);
        }
    }

    /** The demo gateway's target (its admin token, new on each start, stored as its secret) and a sweep through it. */
    private void gatewayDemo(String url, Map<String, Long> made) {
        byte[] token = cipher.encrypt(Json.write(Map.of("admin_token", gateway.adminToken())));
        if (made.containsKey(GATEWAY_PART)) {
            Long id = made.get(GATEWAY_PART);
            follow(id, url);
            if (id != null && id != 0 && targets.find(id).map(t -> t.url().equals(url)).orElse(false)) {
                targets.updateCredentials(id, token);
            }
            return;
        }
        long target = targets.insert(GATEWAY_TARGET_NAME, TargetKinds.GATEWAY, url, Map.of(), token);
        scenarios.create(GATEWAY_SCENARIO_NAME, "Streams through Benchdeck's gateway (its built-in fake provider) at 2, 5 and 10 "
                + "users: TTFT, ITL and E2E per step, with the gateway's stage times as telemetry.", target, """
                workload:
                  driver: llm
                  api: gateway
                  model: fake-1
                  prompt_words: {mean: 30, spread: 10}
                  max_tokens: 64
                  slo: {ttft: 500ms, tpot: 50ms}
                load:
                  model: closed
                  warmup: 1s
                  duration: 4s
                  steps:
                    - users: 2
                    - users: 5
                    - users: 10
                timeout: 30s
                """);
        record(GATEWAY_PART, target);
    }

    /** The demo ingestor's target (its sink role's password, new on each start, as its secret) and bursts through it. */
    private void ingestorDemo(String url, Map<String, Long> made) {
        byte[] password = cipher.encrypt(Json.write(Map.of("password", ingestor.sinkPassword())));
        if (made.containsKey(INGESTOR_PART)) {
            Long id = made.get(INGESTOR_PART);
            if (id != null && id != 0 && targets.find(id).map(t -> t.url().startsWith(LOCAL)).orElse(false)) {
                // still the demo's: it follows the ingestor's port, the embedded PostgreSQL's port and this start's password
                targets.updateOptions(id, url, ingestorOptions(url));
                targets.updateCredentials(id, password);
            }
            return;
        }
        long target = targets.insert(INGESTOR_TARGET_NAME, TargetKinds.INGESTOR, url, ingestorOptions(url), password);
        scenarios.create(INGESTOR_SCENARIO_NAME, "Batches of 10 messages POSTed to Benchdeck's ingestor at 50 and then 200 "
                + "requests/s (500 and 2,000 msg/s), watched in its messages table: publish and end-to-end latency, backlog, "
                + "lost and duplicated messages per step.",
                target, INGESTOR_PLAN);
        record(INGESTOR_PART, target);
    }

    /** The demo ingestor's sink and its own Prometheus endpoint: rows stored and messages confirmed per second, the queue's depth. */
    private Map<String, Object> ingestorOptions(String url) {
        Map<String, Object> options = new LinkedHashMap<>(ingestor.targetOptions());
        options.put("metrics", Map.of("url", url + "/metrics", "series",
                List.of("ingestor_messages_total", "ingestor_accepted_total", "ingestor_queue_waiting")));
        return options;
    }

    private void databaseDemo(boolean hadDemo, Map<String, Long> made) {
        if (made.containsKey(DATABASE_PART)) {
            database.follow(made.get(DATABASE_PART));
            return;
        }
        if (!hadDemo) {
            return;
        }
        if (!database.available()) {
            log.info("No database demo: Benchdeck runs on an external PostgreSQL, and the demo database is made only inside the embedded one");
            return;
        }
        try {
            // CREATE DATABASE cannot run inside a transaction; the target, scenario and record go in one
            String password = database.prepare();
            transaction.executeWithoutResult(status -> record(DATABASE_PART, database.createTarget(password)));
        } catch (RuntimeException e) {
            log.warn("The database demo could not be made ({}); the next start tries again", e.getMessage());
        }
    }

    private void record(String part, long targetId) {
        jdbc.sql("insert into demo_content (name, target_id) values (:name, :target)")
                .param("name", part).param("target", targetId).update();
        log.info("Created the demo {} target and scenarios", part);
    }

    /** A demo target still on this machine (any port of 127.0.0.1) moves to where its server runs now. */
    /** The demo target's metrics endpoint moves with it (a free port on each start), if it still has the demo's. */
    private void followMetrics(Long targetId, String url) {
        if (targetId == null || targetId == 0) {
            return;
        }
        targets.find(targetId).filter(t -> t.options().get("metrics") instanceof Map<?, ?> m
                        && String.valueOf(m.get("url")).startsWith(LOCAL) && !String.valueOf(m.get("url")).equals(url + "/metrics"))
                .ifPresent(t -> {
                    Map<String, Object> options = new LinkedHashMap<>(t.options());
                    Map<String, Object> metrics = new LinkedHashMap<>();
                    ((Map<?, ?>) options.get("metrics")).forEach((k, v) -> metrics.put(String.valueOf(k), v));
                    metrics.put("url", url + "/metrics");
                    options.put("metrics", metrics);
                    targets.updateOptions(t.id(), url, options);
                });
    }

    private void follow(Long targetId, String url) {
        if (targetId == null || targetId == 0) {
            return;
        }
        targets.find(targetId).filter(t -> t.url().startsWith(LOCAL) && !t.url().equals(url))
                .ifPresent(t -> targets.updateUrl(t.id(), url));
    }
}
