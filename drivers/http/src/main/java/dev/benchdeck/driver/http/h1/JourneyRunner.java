package dev.benchdeck.driver.http.h1;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.benchdeck.driver.http.ExpectedStatus;
import dev.benchdeck.driver.http.Feeder;
import dev.benchdeck.driver.http.HttpMethod;
import dev.benchdeck.driver.http.HttpWorkload;
import dev.benchdeck.driver.http.Journey;
import dev.benchdeck.driver.http.template.ByteSink;
import dev.benchdeck.driver.http.template.Template;
import dev.benchdeck.engine.driver.JourneyTrace;
import dev.benchdeck.engine.driver.Outcome;
import dev.benchdeck.engine.driver.RequestContext;
import dev.benchdeck.engine.driver.Timings;
import dev.benchdeck.engine.time.EngineClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;

/**
 * Runs a journey for one virtual user, one iteration per {@link #iteration} call: walks its nodes, renders each request
 * with the user's variables and cookies, hands it to an {@link Exchanger} (an HTTP session, or a test's fake), then
 * runs the step's checks and extractions. A transport, HTTP-status or extraction failure ends the iteration (later
 * steps would use what was missing); a failed check is counted and the iteration goes on.
 */
final class JourneyRunner {

    /** Sends one rendered request and keeps its answer in {@code capture}; the outcome judges the status. */
    @FunctionalInterface
    public interface Exchanger {
        Outcome exchange(byte[] bytes, int length, HttpMethod method, ExpectedStatus expected, long timeoutNanos,
                         ResponseCapture capture) throws InterruptedException;
    }

    public static final String EXTRACT = "extract";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] CRLF = "\r\n".getBytes(StandardCharsets.US_ASCII);

    private final Journey journey;
    private final String hostHeader;
    private final EngineClock clock;
    private final Exchanger exchanger;
    private final RandomGenerator random;
    private final CookieJar cookies = new CookieJar();
    private final ByteSink out = new ByteSink(1024);
    private final ByteSink bodyScratch = new ByteSink(1024);
    private final ResponseCapture capture = new ResponseCapture();

    public JourneyRunner(Journey journey, String hostHeader, EngineClock clock, Exchanger exchanger, RandomGenerator random) {
        this.journey = journey;
        this.hostHeader = hostHeader;
        this.clock = clock;
        this.exchanger = exchanger;
        this.random = random;
    }

    /** A step ended the iteration. */
    private static final class StepFailure extends Exception {
        final String errorClass;

        StepFailure(String errorClass, String message) {
            super(message, null, false, false);
            this.errorClass = errorClass;
        }
    }

    /** What one iteration has measured and holds so far. */
    private static final class Iteration {
        final RequestContext request;
        final long start;
        final Map<String, String> variables = new HashMap<>();
        final List<JourneyTrace.StepSample> steps = new ArrayList<>();
        final List<JourneyTrace.GroupSample> groups = new ArrayList<>();
        final List<JourneyTrace.CheckSample> checks = new ArrayList<>();
        JsonNode json;
        boolean jsonRead;

        Iteration(RequestContext request, long start) {
            this.request = request;
            this.start = start;
        }
    }

    /** The user's cookies (kept across iterations of a closed-model user, new for each open-model user). */
    public CookieJar cookies() {
        return cookies;
    }

    /** Runs the journey once; the outcome's timings span the whole iteration and its trace holds every step. */
    public Outcome iteration(RequestContext request) throws InterruptedException {
        long start = clock.nanoTime();
        if (request.newUser()) {
            cookies.clear();
        }
        Iteration it = new Iteration(request, start);
        for (Feeder feeder : journey.feeders()) {
            Map<String, String> row = feeder.next(random);
            if (row == null) {
                return Outcome.success(Timings.of(start, start)).withJourney(JourneyTrace.stopped(feeder.exhausted()));
            }
            it.variables.putAll(row);
        }
        StepFailure failure = null;
        try {
            run(journey.nodes(), it);
        } catch (StepFailure f) {
            failure = f;
        }
        Timings timings = Timings.of(start, clock.nanoTime());
        Outcome outcome = failure == null ? Outcome.success(timings) : Outcome.failure(failure.errorClass, failure.getMessage(), timings);
        return outcome.withJourney(new JourneyTrace(it.steps, it.groups, it.checks, false, null));
    }

    private void run(List<Journey.Node> nodes, Iteration it) throws StepFailure, InterruptedException {
        for (Journey.Node node : nodes) {
            switch (node) {
                case Journey.Request r -> request(r, it);
                case Journey.Think t -> think(t.time());
                case Journey.Repeat r -> {
                    for (int i = 0; i < r.times(); i++) {
                        run(r.body(), it);
                    }
                }
                case Journey.While w -> {
                    for (int i = 0; i < w.max() && w.condition().holds(it.variables); i++) {
                        run(w.body(), it);
                    }
                }
                case Journey.If f -> run(f.condition().holds(it.variables) ? f.then() : f.otherwise(), it);
                case Journey.Branches b -> run(choose(b).body(), it);
                case Journey.Group g -> {
                    long entered = clock.nanoTime();
                    run(g.body(), it);
                    it.groups.add(new JourneyTrace.GroupSample(g.name(), clock.nanoTime() - entered, entered - it.start));
                }
            }
        }
    }

    /** One branch, with probability weight / 100. */
    public Journey.Branch choose(Journey.Branches branches) {
        int draw = random.nextInt(100);
        int sum = 0;
        for (Journey.Branch b : branches.branches()) {
            sum += b.weight();
            if (draw < sum) {
                return b;
            }
        }
        return branches.branches().get(branches.branches().size() - 1);
    }

    private void think(Journey.ThinkTime time) throws InterruptedException {
        long nanos = switch (time) {
            case Journey.Constant c -> c.time().toNanos();
            case Journey.Uniform u -> u.min().toNanos() + (long) (random.nextDouble() * (u.max().toNanos() - u.min().toNanos()));
            case Journey.Exponential e -> (long) (-Math.log(1 - random.nextDouble()) * e.mean().toNanos());
        };
        if (nanos > 0) {
            clock.sleepUntil(clock.nanoTime() + nanos);
        }
    }

    private void request(Journey.Request step, Iteration it) throws StepFailure, InterruptedException {
        render(step, it);
        capture.clear();
        it.json = null;
        it.jsonRead = false;
        long sent = clock.nanoTime() - it.start;
        Outcome outcome = exchanger.exchange(out.array(), out.length(), step.method(), step.expectedStatus(),
                it.request.timeoutNanos(), capture);
        long nanos = outcome.timings().serviceNanos();
        if (outcome instanceof Outcome.Failure f) {
            it.steps.add(new JourneyTrace.StepSample(step.name(), nanos, f.errorClass(), sent));
            throw new StepFailure(f.errorClass(), step.name() + ": " + f.message());
        }
        cookies.store(capture.headers("Set-Cookie"));
        boolean allPassed = true;
        for (Journey.Check check : step.checks()) {
            boolean passed = passes(check, nanos, it);
            it.checks.add(new JourneyTrace.CheckSample(check.name(), passed));
            allPassed &= passed;
        }
        for (Journey.Extraction x : step.extractions()) {
            String value = extract(x, it);
            if (value == null) {
                value = x.fallback();
            }
            if (value == null) {
                it.steps.add(new JourneyTrace.StepSample(step.name(), nanos, EXTRACT, sent));
                throw new StepFailure(EXTRACT, step.name() + ": nothing matched " + x.source().name().toLowerCase(java.util.Locale.ROOT)
                        + " " + x.expression() + " for variable " + x.variable());
            }
            it.variables.put(x.variable(), value);
        }
        it.steps.add(new JourneyTrace.StepSample(step.name(), nanos, allPassed ? JourneyTrace.OK : JourneyTrace.CHECK_FAILED, sent));
    }

    private void render(Journey.Request step, Iteration it) {
        out.reset();
        out.write(ascii(step.method().name() + " "));
        step.target().writeTo(out, it.request, it.variables);
        out.write(ascii(" HTTP/1.1\r\n"));
        boolean host = false, agent = false, cookie = false;
        for (HttpWorkload.Header h : step.headers()) {
            host |= h.name().equalsIgnoreCase("Host");
            agent |= h.name().equalsIgnoreCase("User-Agent");
            cookie |= h.name().equalsIgnoreCase("Cookie");
            out.write(h.name().getBytes(StandardCharsets.UTF_8));
            out.write(ascii(": "));
            h.value().writeTo(out, it.request, it.variables);
            out.write(CRLF);
        }
        if (!host) {
            out.write(ascii("Host: " + hostHeader + "\r\n"));
        }
        if (!agent) {
            out.write(ascii("User-Agent: " + RequestTemplate.USER_AGENT + "\r\n"));
        }
        if (!cookie && !cookies.isEmpty()) {
            out.write(ascii("Cookie: "));
            out.write(cookies.header().getBytes(StandardCharsets.UTF_8));
            out.write(CRLF);
        }
        Template body = step.body() != null ? step.body() : step.method().sendsBody() ? Template.EMPTY : null;
        if (body == null) {
            out.write(CRLF);
            return;
        }
        bodyScratch.reset();
        body.writeTo(bodyScratch, it.request, it.variables);
        out.write(ascii("Content-Length: "));
        out.writeDecimal(bodyScratch.length());
        out.write(ascii("\r\n\r\n"));
        out.write(bodyScratch.array(), 0, bodyScratch.length());
    }

    private boolean passes(Journey.Check check, long nanos, Iteration it) {
        return switch (check.kind()) {
            case STATUS -> check.statuses().contains(capture.status());
            case JSONPATH_EQUALS -> check.text().equals(json(it) == null ? null : check.path().first(json(it)));
            case JSONPATH_EXISTS -> (json(it) != null && !check.path().select(json(it)).isEmpty()) == check.exists();
            case BODY_CONTAINS -> capture.text().contains(check.text());
            case HEADER_PRESENT -> capture.header(check.text()) != null;
            case RESPONSE_TIME_BELOW -> nanos < check.nanos();
        };
    }

    private String extract(Journey.Extraction x, Iteration it) {
        return switch (x.source()) {
            case JSONPATH -> json(it) == null ? null : x.path().first(json(it));
            case REGEX -> {
                Matcher m = x.regex().matcher(capture.text());
                yield m.find() ? m.group(x.group()) : null;
            }
            case HEADER -> capture.header(x.expression());
            case COOKIE -> cookies.get(x.expression());
        };
    }

    /** The answer's body as JSON, read once per answer; {@code null} when it is not JSON. */
    private JsonNode json(Iteration it) {
        if (!it.jsonRead) {
            it.jsonRead = true;
            try {
                it.json = capture.text().isEmpty() ? null : JSON.readTree(capture.text());
            } catch (IOException e) {
                it.json = null;
            }
        }
        return it.json;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
