package dev.benchdeck.mockllm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Web-agent style automation APIs: sync (POST /automations/{id}/run waits for the run), async
 * (POST /automations/{id}/runs answers 202, GET /automations/runs/{run_id} polls) and SSE progress
 * (POST /automations/{id}/stream). {@code X-Mock-Run-Ms} fixes the run time, {@code X-Mock-Fault}
 * forces {@code failed}, {@code 429}, {@code 500} or {@code none}.
 */
final class AutomationEndpoints {

    static final String STATUS_PATH = "/automations/runs/";

    private final Supplier<MockLlmConfig> config;
    private final AutomationRuns runs = new AutomationRuns();

    AutomationEndpoints(Supplier<MockLlmConfig> config) {
        this.config = config;
    }

    Endpoint sync(String automationId) {
        return (exchange, startNanos) -> {
            AutomationRun run = start(exchange, automationId, startNanos);
            SseWriter.sleep(run.endNanos() - System.nanoTime());
            ObjectNode answer = Json.object().put("run_id", run.runId()).put("status", run.finalStatus());
            answer.set("result", run.result());
            answer.put("duration_ms", run.durationMs());
            Replies.json(exchange, 200, answer);
            return endOutcome(run);
        };
    }

    Endpoint async(String automationId) {
        return (exchange, startNanos) -> {
            AutomationRun run = start(exchange, automationId, startNanos);
            runs.add(run);
            Replies.json(exchange, 202, Json.object().put("run_id", run.runId()).put("status", "running")
                    .put("status_url", STATUS_PATH + run.runId()));
            return Outcome.AUTOMATION_STARTED;
        };
    }

    Endpoint status(String runId) {
        return (exchange, startNanos) -> {
            AutomationRun run = runs.find(runId)
                    .orElseThrow(() -> new RefusedRequest(ErrorKind.NOT_FOUND, "no automation run with id '" + runId + "'"));
            Replies.json(exchange, 200, run.status(System.nanoTime()));
            return Outcome.AUTOMATION_POLLED;
        };
    }

    Endpoint stream(String automationId) {
        return (exchange, startNanos) -> {
            AutomationRun run = start(exchange, automationId, startNanos);
            SseWriter writer = SseWriter.open(exchange, TimeUnit.MILLISECONDS.toNanos(config.get().heartbeatMs()), ": ping\n\n");
            for (int step = 1; step <= run.reportedSteps(); step++) {
                writer.waitUntil(run.stepNanos(step));
                ObjectNode progress = Json.object().put("run_id", run.runId()).put("step", step).put("total_steps", run.totalSteps())
                        .put("message", "step " + step + " of " + run.totalSteps() + ":" + Vocabulary.tokens(3, ThreadLocalRandom.current()));
                writer.send("event: progress\ndata: " + Json.write(progress) + "\n\n");
            }
            writer.waitUntil(run.endNanos());
            ObjectNode end = Json.object().put("run_id", run.runId()).put("status", run.finalStatus());
            end.set("result", run.result());
            end.put("duration_ms", run.durationMs());
            writer.send("event: " + run.finalStatus() + "\ndata: " + Json.write(end) + "\n\n");
            writer.finish();
            return endOutcome(run);
        };
    }

    /** Decides the run; a forced 429/500 is thrown for the router to answer. */
    private AutomationRun start(HttpExchange exchange, String automationId, long startNanos) throws IOException {
        byte[] body = Replies.body(exchange);
        JsonNode inputs = body.length == 0 ? NullNode.instance : Json.readObject(body).path("inputs");
        if (inputs.isMissingNode()) {
            inputs = NullNode.instance;
        }
        MockLlmConfig current = config.get();
        RandomGenerator random = ThreadLocalRandom.current();
        String fault = exchange.getRequestHeaders().getFirst(MockHeaders.FAULT);
        fault = fault == null ? null : fault.strip().toLowerCase(Locale.ROOT);
        if ("429".equals(fault)) {
            exchange.getResponseHeaders().set("Retry-After", Integer.toString(current.retryAfterSeconds()));
            throw new RefusedRequest(ErrorKind.RATE_LIMITED, "mock fault: rate limit reached, retry later");
        }
        if ("500".equals(fault)) {
            throw new RefusedRequest(ErrorKind.SERVER_ERROR, "mock fault: internal server error");
        }
        if (fault != null && !fault.equals("failed") && !fault.equals("none")) {
            throw RefusedRequest.badRequest("X-Mock-Fault for automations must be failed, 429, 500 or none, got '" + fault + "'");
        }
        long durationMs = MockHeaders.number(exchange.getRequestHeaders(), MockHeaders.RUN_MS, 0)
                .orElseGet(() -> current.automationRun().draw(random));
        boolean fails = fault != null ? fault.equals("failed") : random.nextDouble() < current.automationFailureShare();
        int steps = current.automationSteps();
        int failingStep = fails ? 1 + random.nextInt(steps) : 0;
        return new AutomationRun(LlmEndpoint.randomId("run_"), automationId, inputs, Instant.now(), startNanos, durationMs,
                steps, failingStep, Vocabulary.tokens(12, random).strip());
    }

    private static Outcome endOutcome(AutomationRun run) {
        return run.fails() ? Outcome.AUTOMATION_FAILED : Outcome.AUTOMATION_COMPLETED;
    }
}
