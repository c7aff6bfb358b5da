package dev.benchdeck.driver.llm;

import dev.benchdeck.driver.llm.stream.AnthropicFormat;
import dev.benchdeck.driver.llm.stream.OpenAiFormat;
import java.util.Arrays;
import java.util.List;

/** The APIs the {@code llm} driver speaks, by their plan names, with their default paths. */
enum LlmApi {
    OPENAI_CHAT("openai-chat", "/v1/chat/completions"),
    OPENAI_COMPLETIONS("openai-completions", "/v1/completions"),
    ANTHROPIC("anthropic", "/v1/messages"),
    /** Benchdeck's streaming gateway: {@code event: chunk} with {@code {"content", "chunk_index"}}, then {@code data: [DONE]}. */
    GATEWAY("gateway", "/api/v1/stream"),
    /** Any text/event-stream: each event with data is a token or a progress message. */
    SSE("sse", null),
    /** POST and wait for the result. */
    AUTOMATION_SYNC("automation-sync", null),
    /** POST returns a run id; poll a status URL until a terminal status. */
    AUTOMATION_ASYNC("automation-async", null),
    /** POST and read progress events until a terminal event. */
    AUTOMATION_SSE("automation-sse", null);

    final String planName;
    final String defaultPath;

    LlmApi(String planName, String defaultPath) {
        this.planName = planName;
        this.defaultPath = defaultPath;
    }

    static List<String> planNames() {
        return Arrays.stream(values()).map(a -> a.planName).toList();
    }

    static LlmApi fromPlanName(String name) {
        return Arrays.stream(values()).filter(a -> a.planName.equals(name)).findFirst().orElseThrow();
    }

    /** Whether the answer is a token stream the format reads (the LLM APIs and generic SSE). */
    boolean streams() {
        return this != AUTOMATION_SYNC && this != AUTOMATION_ASYNC;
    }

    /** The provider APIs: the body is built from model, prompt and max_tokens, and the model is required. */
    boolean llm() {
        return this == OPENAI_CHAT || this == OPENAI_COMPLETIONS || this == ANTHROPIC;
    }

    /** Whether the request body is built from the prompt (the provider APIs and the gateway) rather than written in the plan. */
    boolean promptBody() {
        return llm() || this == GATEWAY;
    }

    dev.benchdeck.driver.llm.stream.StreamFormat newFormat(String endEvent, java.util.Set<String> errorEvents) {
        return switch (this) {
            case OPENAI_CHAT -> OpenAiFormat.chat();
            case OPENAI_COMPLETIONS -> OpenAiFormat.completions();
            case ANTHROPIC -> new AnthropicFormat();
            case GATEWAY -> new dev.benchdeck.driver.llm.stream.GatewayFormat();
            default -> new dev.benchdeck.driver.llm.stream.GenericSseFormat(endEvent, errorEvents);
        };
    }
}
