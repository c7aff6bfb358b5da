package dev.benchdeck.driver.llm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchdeck.driver.llm.stream.LlmProviders;
import dev.benchdeck.driver.llm.stream.StreamCollector;
import dev.benchdeck.engine.driver.ErrorClasses;
import dev.benchdeck.engine.driver.Outcome;
import dev.benchdeck.engine.driver.Timings;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What an automation's answers mean: a sync run's result, an async run's id and its status polls
 * (running, finished, failed). Keeps the time of each answer; the run is timed from the submit to
 * its final status, and its answers' times are the outcome's events.
 */
final class AutomationAnswers {

    /** An automation reported that its run failed. */
    static final String AUTOMATION_FAILED = "automation_failed";

    private final LlmWorkload workload;
    private final String apiKey;
    private final long send;
    private final List<Long> answerTimes = new ArrayList<>();

    AutomationAnswers(LlmWorkload workload, String apiKey, long send) {
        this.workload = workload;
        this.apiKey = apiKey;
        this.send = send;
    }

    /** The submit answer of an async automation: the run id, or a failure when there is none. */
    Object runIdOrFailure(HttpResponse<byte[]> response, long at) {
        answerTimes.add(at);
        int status = response.statusCode();
        if (status < 200 || status > 299) {
            return Outcome.failure(ErrorClasses.forHttpStatus(status), LlmSession.httpMessage(status, response.body(), apiKey), timings(at));
        }
        LlmWorkload.AsyncAutomation polling = workload.automation();
        JsonNode body = LlmProviders.jsonObject(response.body());
        JsonNode runId = body == null ? null : body.get(polling.runIdField());
        if (runId == null || runId.isNull() || runId.isContainerNode()) {
            return Outcome.failure(ErrorClasses.PROTOCOL, "the submit answer has no \"" + polling.runIdField() + "\": "
                    + LlmProviders.excerpt(response.body(), apiKey), timings(at));
        }
        return runId.asText();
    }

    /**
     * A sync result or a poll answer: the final outcome, or {@code null} while an async run goes on.
     * A status field naming a failed state makes it an {@code automation_failed} error.
     */
    Outcome result(HttpResponse<byte[]> response, boolean sync, long at) {
        answerTimes.add(at);
        int status = response.statusCode();
        if (status < 200 || status > 299) {
            return Outcome.failure(ErrorClasses.forHttpStatus(status), LlmSession.httpMessage(status, response.body(), apiKey), timings(at));
        }
        JsonNode body = LlmProviders.jsonObject(response.body());
        String statusField = workload.automation() == null ? "status" : workload.automation().statusField();
        String runStatus = body == null ? null : body.path(statusField).asText(null);
        if (sync) {
            if (runStatus != null && List.of("failed", "error", "cancelled").contains(runStatus.toLowerCase(Locale.ROOT))) {
                return Outcome.failure(AUTOMATION_FAILED, "the automation reported " + statusField + " " + runStatus
                        + ": " + LlmProviders.excerpt(response.body(), apiKey), timings(at));
            }
            return Outcome.success(timings(at), times(), null);
        }
        if (runStatus == null) {
            return Outcome.failure(ErrorClasses.PROTOCOL, "the status answer has no \"" + statusField + "\": "
                    + LlmProviders.excerpt(response.body(), apiKey), timings(at));
        }
        if (!workload.automation().terminal().contains(runStatus)) {
            return null;
        }
        if (workload.automation().failed().contains(runStatus)) {
            return Outcome.failure(AUTOMATION_FAILED, "the automation reported " + statusField + " " + runStatus
                    + ": " + LlmProviders.excerpt(response.body(), apiKey), timings(at));
        }
        return Outcome.success(timings(at), times(), null);
    }

    /** How many answers came (for a timeout's message). */
    int answers() {
        return answerTimes.size();
    }

    /** From the submit to {@code end}, the first answer as the first byte. */
    Timings timings(long end) {
        long first = answerTimes.isEmpty() ? Timings.NONE : answerTimes.get(0);
        return new Timings(send, first, Math.max(end, send), Timings.NONE);
    }

    private long[] times() {
        return answerTimes.stream().mapToLong(Long::longValue).toArray();
    }

    /** Progress events are not tokens: an SSE automation's outcome keeps its event times only, and its failures their own class. */
    static Outcome asAutomation(Outcome outcome) {
        return switch (outcome) {
            case Outcome.Success s -> Outcome.success(s.timings(), s.eventTimes(), null);
            case Outcome.Failure f -> Outcome.failure(StreamCollector.STREAM_ERROR.equals(f.errorClass()) ? AUTOMATION_FAILED
                    : f.errorClass(), f.message(), f.timings(), f.eventTimes(), null);
        };
    }
}
