package dev.benchdeck.driver.llm;

import dev.benchdeck.driver.http.HttpWorkload;
import dev.benchdeck.driver.http.template.Template;
import dev.benchdeck.engine.stream.ServiceLevels;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The {@code llm} driver's workload, checked. For the LLM APIs the body is built from
 * {@code model}, the prompt and {@code max_tokens}; for generic SSE and automations it is the
 * plan's {@code body} template.
 *
 * @param gatewayProvider api gateway: the gateway's provider to ask ({@code provider} in its request), or {@code null} for its default
 * @param endEvent        generic SSE / automation-sse: the event type that ends the stream ({@code null}: the close)
 * @param errorEvents     event types that are errors ({@code automation_failed} for automations)
 * @param automation      the async automation's polling settings, or {@code null}
 */
record LlmWorkload(LlmApi api, Template path, String model, String gatewayProvider, PromptSource prompts, Integer maxTokens,
                   List<HttpWorkload.Header> headers, Template body, String endEvent, Set<String> errorEvents,
                   ServiceLevels serviceLevels, AsyncAutomation automation) {

    /**
     * Submit-and-poll: the submit answer's JSON field holding the run id, the status URL template
     * ({@code ${run_id}} is replaced), the status field, the statuses that end the run and those of
     * them that mean it failed, and the poll interval.
     */
    record AsyncAutomation(String runIdField, String statusPath, String statusField, Set<String> terminal,
                           Set<String> failed, Duration pollInterval) {
    }
}
