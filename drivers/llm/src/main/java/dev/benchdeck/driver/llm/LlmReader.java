package dev.benchdeck.driver.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.benchdeck.driver.http.HeaderRules;
import dev.benchdeck.driver.http.HttpVersion;
import dev.benchdeck.driver.http.HttpWorkload;
import dev.benchdeck.driver.http.template.Template;
import dev.benchdeck.driver.http.template.TemplateCompiler;
import dev.benchdeck.driver.llm.stream.LlmProviders;
import dev.benchdeck.engine.plan.ConfigNode;
import dev.benchdeck.engine.stream.ServiceLevels;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads and checks the {@code llm} driver's target and workload, reporting every problem with its path. */
final class LlmReader {

    static final Set<String> TARGET_FIELDS = Set.of("url", "provider", "api_key", "api_key_env", "connect_timeout", "insecure");
    static final Set<String> WORKLOAD_FIELDS = Set.of("driver", "api", "path", "model", "prompt", "prompt_words",
            "prompts_file", "max_tokens", "gateway_provider", "headers", "body", "end_event", "error_events", "slo", "automation", "seed");
    static final Set<String> PROVIDERS = Set.of("openai", "anthropic", "openai-compatible", "mock", "custom");
    static final Set<String> SLO_FIELDS = Set.of("ttft", "tpot", "e2e");
    static final Set<String> AUTOMATION_FIELDS = Set.of("run_id_field", "status_path", "status_field", "terminal",
            "failed", "poll_interval");
    static final Set<String> PROMPT_WORDS_FIELDS = Set.of("mean", "spread");

    private static final ObjectMapper JSON = new ObjectMapper();

    private LlmReader() {
    }

    static LlmTarget target(ConfigNode target) {
        if (target.isMissing()) {
            target.problem("is required");
            return null;
        }
        if (!target.expectObject(TARGET_FIELDS)) {
            return null;
        }
        String urlText = target.requiredText("url");
        URI url = null;
        if (urlText != null) {
            try {
                url = new URI(urlText);
                if (url.getScheme() == null || !url.getScheme().matches("(?i)https?") || url.getHost() == null) {
                    target.problem("url", "must be an http:// or https:// URL with a host");
                    url = null;
                }
            } catch (URISyntaxException e) {
                target.problem("url", "is not a URL: " + e.getReason());
            }
        }
        String provider = target.text("provider", "openai-compatible");
        if (provider != null && !PROVIDERS.contains(provider)) {
            target.problem("provider", "unknown provider '" + provider + "'; one of " + String.join(", ", sorted(PROVIDERS)));
        }
        String apiKey = target.text("api_key", null);
        String apiKeyEnv = target.text("api_key_env", null);
        if (apiKey != null && apiKeyEnv != null) {
            target.problem("api_key_env", "give either api_key or api_key_env, not both");
        }
        String keyProblem = LlmProviders.apiKeyProblem(apiKey);
        if (keyProblem != null) {
            target.problem("api_key", keyProblem);
        }
        Duration connectTimeout = target.duration("connect_timeout", LlmTarget.DEFAULT_CONNECT_TIMEOUT);
        Boolean insecure = target.bool("insecure", false);
        if (url == null) {
            return null;
        }
        return new LlmTarget(url, provider, apiKey, apiKeyEnv, connectTimeout, Boolean.TRUE.equals(insecure));
    }

    static LlmWorkload workload(ConfigNode workload, LlmTarget target) {
        if (workload.isMissing()) {
            workload.problem("is required");
            return null;
        }
        if (!workload.expectObject(WORKLOAD_FIELDS)) {
            return null;
        }
        String defaultApi = target != null && "anthropic".equals(target.provider()) ? "anthropic" : "openai-chat";
        String apiName = workload.choice("api", defaultApi, LlmApi.planNames());
        LlmApi api = apiName == null ? LlmApi.OPENAI_CHAT : LlmApi.fromPlanName(apiName);
        TemplateCompiler compiler = new TemplateCompiler();

        String pathText = workload.text("path", api.defaultPath);
        if (pathText == null) {
            workload.problem("path", "is required for api " + api.planName);
        }
        Template path = pathText == null ? null : compiler.compile(pathText, workload, "path");

        String model = workload.text("model", null);
        Integer maxTokens = null;
        Long max = workload.integerAtLeast("max_tokens", null, 1);
        if (max != null) {
            maxTokens = (int) Math.min(max, Integer.MAX_VALUE);
        }
        PromptSource prompts = null;
        Template body = null;
        long seed = workload.integer("seed", 1L);
        String gatewayProvider = workload.text("gateway_provider", null);
        if (gatewayProvider != null && api != LlmApi.GATEWAY) {
            workload.problem("gateway_provider", "only applies to api gateway");
        }
        if (api.promptBody()) {
            if (model == null && api.llm()) {
                workload.problem("model", "is required for api " + api.planName);
            }
            if (api == LlmApi.ANTHROPIC && maxTokens == null) {
                maxTokens = 1024; // Anthropic's API requires max_tokens
            }
            if (workload.has("body")) {
                workload.problem("body", "is built from the model, the prompt and max_tokens for api " + api.planName
                        + "; use api: sse to send a body of your own");
            }
            prompts = prompts(workload, compiler, seed);
        } else {
            String bodyText = workload.text("body", null);
            body = bodyText == null ? null : compiler.compile(bodyText, workload, "body");
            for (String field : List.of("model", "prompt", "prompt_words", "prompts_file", "max_tokens")) {
                if (workload.has(field)) {
                    workload.problem(field, "only applies to the LLM APIs (openai-chat, openai-completions, anthropic, gateway)");
                }
            }
        }
        List<HttpWorkload.Header> headers = new ArrayList<>();
        HeaderRules rules = new HeaderRules(HttpVersion.HTTP_1_1);
        for (Map.Entry<String, String> e : workload.textMap("headers").entrySet()) {
            String refusal = rules.refusal(e.getKey(), e.getValue());
            if (refusal != null) {
                workload.problem("headers." + e.getKey(), refusal);
            } else {
                headers.add(new HttpWorkload.Header(e.getKey(), compiler.compile(e.getValue(), workload, "headers." + e.getKey())));
            }
        }
        boolean automation = api.name().startsWith("AUTOMATION");
        String endEvent = workload.text("end_event", api == LlmApi.AUTOMATION_SSE ? "completed" : null);
        Set<String> errorEvents = new LinkedHashSet<>();
        for (ConfigNode item : workload.list("error_events")) {
            if (item.raw() != null && item.raw().isTextual()) {
                errorEvents.add(item.raw().asText());
            } else {
                item.problem("must be an event name");
            }
        }
        if (!workload.has("error_events")) {
            errorEvents.add(automation ? "failed" : "error");
        }
        if (!api.streams() || api.promptBody()) {
            for (String field : List.of("end_event", "error_events")) {
                if (workload.has(field)) {
                    workload.problem(field, "only applies to api sse and automation-sse");
                }
            }
        }
        LlmWorkload.AsyncAutomation polling = null;
        if (api == LlmApi.AUTOMATION_ASYNC) {
            polling = asyncAutomation(workload.get("automation"));
        } else if (workload.has("automation")) {
            workload.problem("automation", "only applies to api automation-async");
        }
        ServiceLevels slo = serviceLevels(workload.get("slo"));
        return new LlmWorkload(api, path, model, gatewayProvider, prompts, maxTokens, headers, body, endEvent, errorEvents, slo, polling);
    }

    private static PromptSource prompts(ConfigNode workload, TemplateCompiler compiler, long seed) {
        int given = (workload.has("prompt") ? 1 : 0) + (workload.has("prompt_words") ? 1 : 0) + (workload.has("prompts_file") ? 1 : 0);
        if (given > 1) {
            workload.problem("give one of prompt, prompt_words or prompts_file");
            return null;
        }
        if (workload.has("prompt_words")) {
            ConfigNode words = workload.get("prompt_words");
            if (!words.expectObject(PROMPT_WORDS_FIELDS)) {
                return null;
            }
            Long mean = words.integerAtLeast("mean", 100L, 1);
            Long spread = words.integerAtLeast("spread", 0L, 0);
            if (mean != null && spread != null && spread >= mean) {
                words.problem("spread", "must be less than mean");
            }
            return mean == null || spread == null ? null : PromptSource.synthetic(mean.intValue(), spread.intValue(), seed);
        }
        if (workload.has("prompts_file")) {
            return promptsFile(workload);
        }
        String prompt = workload.text("prompt", "Write a short story about a benchmark.");
        return prompt == null ? null : PromptSource.template(compiler.compile(prompt, workload, "prompt"));
    }

    /** A JSON Lines file with a {@code prompt} field per line, or a text file with one prompt per line. */
    private static PromptSource promptsFile(ConfigNode workload) {
        String file = workload.text("prompts_file", null);
        List<String> prompts = new ArrayList<>();
        try {
            int lineNumber = 0;
            for (String line : Files.readAllLines(Path.of(file))) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                if (file.endsWith(".jsonl")) {
                    JsonNode row;
                    try {
                        row = JSON.readTree(line);
                    } catch (IOException e) {
                        workload.problem("prompts_file", file + " line " + lineNumber + " is not JSON");
                        return null;
                    }
                    JsonNode prompt = row.path("prompt");
                    if (!prompt.isTextual()) {
                        workload.problem("prompts_file", file + " line " + lineNumber + " has no text field \"prompt\"");
                        return null;
                    }
                    prompts.add(prompt.asText());
                } else {
                    prompts.add(line);
                }
            }
        } catch (IOException e) {
            workload.problem("prompts_file", "cannot read " + file + ": " + e.getMessage());
            return null;
        }
        if (prompts.isEmpty()) {
            workload.problem("prompts_file", file + " holds no prompt");
            return null;
        }
        return PromptSource.cycling(prompts);
    }

    private static ServiceLevels serviceLevels(ConfigNode slo) {
        if (slo.isMissing()) {
            return ServiceLevels.NONE;
        }
        if (!slo.expectObject(SLO_FIELDS)) {
            return ServiceLevels.NONE;
        }
        return new ServiceLevels(slo.duration("ttft", null), slo.duration("tpot", null), slo.duration("e2e", null));
    }

    private static LlmWorkload.AsyncAutomation asyncAutomation(ConfigNode node) {
        if (!node.isMissing() && !node.expectObject(AUTOMATION_FIELDS)) {
            return null;
        }
        String runIdField = node.isMissing() ? "run_id" : node.text("run_id_field", "run_id");
        String statusPath = node.isMissing() ? null : node.text("status_path", null);
        if (statusPath == null && node.isMissing()) {
            node.problem("is required for api automation-async: at least status_path, e.g. /automations/runs/${run_id}");
        } else if (statusPath == null) {
            node.problem("status_path", "is required, e.g. /automations/runs/${run_id}");
        } else if (!statusPath.contains("${run_id}")) {
            node.problem("status_path", "must contain ${run_id}");
        }
        String statusField = node.isMissing() ? "status" : node.text("status_field", "status");
        Set<String> terminal = new LinkedHashSet<>(List.of("completed", "succeeded", "failed", "cancelled", "error"));
        Set<String> failed = new LinkedHashSet<>(List.of("failed", "cancelled", "error"));
        if (!node.isMissing()) {
            if (node.has("terminal")) {
                terminal = texts(node, "terminal");
            }
            if (node.has("failed")) {
                failed = texts(node, "failed");
            }
        }
        Duration poll = node.isMissing() ? Duration.ofMillis(250) : node.duration("poll_interval", Duration.ofMillis(250));
        if (poll != null && poll.toMillis() < 10) {
            node.problem("poll_interval", "must be at least 10ms");
        }
        return new LlmWorkload.AsyncAutomation(runIdField, statusPath, statusField, terminal, failed, poll);
    }

    private static Set<String> texts(ConfigNode node, String field) {
        Set<String> out = new LinkedHashSet<>();
        for (ConfigNode item : node.list(field)) {
            if (item.raw() != null && item.raw().isTextual()) {
                out.add(item.raw().asText());
            } else {
                item.problem("must be a status name");
            }
        }
        return out;
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }
}
