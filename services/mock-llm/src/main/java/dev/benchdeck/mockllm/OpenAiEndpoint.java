package dev.benchdeck.mockllm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Supplier;

/**
 * POST /v1/chat/completions and /v1/completions. Streams {@code data: {chunk}} events: (chat) a
 * first chunk with the role and empty content, content deltas, a chunk with finish_reason, with
 * {@code stream_options.include_usage} a usage chunk with empty choices, then {@code data: [DONE]}.
 */
final class OpenAiEndpoint extends LlmEndpoint {

    private final boolean chat;

    private OpenAiEndpoint(boolean chat, Supplier<MockLlmConfig> config, MockStats stats, StreamScheduler scheduler) {
        super(config, stats, scheduler);
        this.chat = chat;
    }

    static OpenAiEndpoint chat(Supplier<MockLlmConfig> config, MockStats stats, StreamScheduler scheduler) {
        return new OpenAiEndpoint(true, config, stats, scheduler);
    }

    static OpenAiEndpoint completions(Supplier<MockLlmConfig> config, MockStats stats, StreamScheduler scheduler) {
        return new OpenAiEndpoint(false, config, stats, scheduler);
    }

    @Override
    Dialect dialect() {
        return Dialect.OPENAI;
    }

    @Override
    LlmRequest parse(ObjectNode body) {
        StringBuilder prompt = new StringBuilder();
        if (chat) {
            LlmRequest.appendMessages(body, prompt);
        } else {
            JsonNode text = body.get("prompt");
            if (text == null || !(text.isTextual() || text.isArray())) {
                throw RefusedRequest.badRequest("prompt must be a string or an array of strings");
            }
            LlmRequest.appendText(text, prompt);
        }
        JsonNode options = body.path("stream_options");
        if (!options.isMissingNode() && !options.isNull() && !options.isObject()) {
            throw RefusedRequest.badRequest("stream_options must be an object");
        }
        boolean includeUsage = options.isObject() && LlmRequest.flag((ObjectNode) options, "include_usage");
        return new LlmRequest(LlmRequest.model(body), LlmRequest.flag(body, "stream"), includeUsage,
                LlmRequest.maxTokens(body, "max_completion_tokens", "max_tokens"), Vocabulary.countTokens(prompt));
    }

    @Override
    StreamFrames frames(LlmRequest request) {
        String head = "data: {\"id\":" + Json.quote(LlmEndpoint.randomId(chat ? "chatcmpl-" : "cmpl-"))
                + ",\"object\":\"" + (chat ? "chat.completion.chunk" : "text_completion") + "\",\"created\":"
                + System.currentTimeMillis() / 1000 + ",\"model\":" + Json.quote(request.model()) + ",\"choices\":[";
        String tail = (request.includeUsage() ? "],\"usage\":null}" : "]}") + "\n\n";
        return new StreamFrames() {
            @Override
            public String opening() {
                return chat ? head + "{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"logprobs\":null,\"finish_reason\":null}" + tail : "";
            }

            @Override
            public String content(String text) {
                String piece = chat ? "\"delta\":{\"content\":" + Json.quote(text) + "}" : "\"text\":" + Json.quote(text);
                return head + "{\"index\":0," + piece + ",\"logprobs\":null,\"finish_reason\":null}" + tail;
            }

            @Override
            public String closing(int outputTokens, boolean capped) {
                String finish = "\"finish_reason\":\"" + (capped ? "length" : "stop") + "\"";
                String last = head + "{\"index\":0," + (chat ? "\"delta\":{}" : "\"text\":\"\"") + ",\"logprobs\":null," + finish + "}" + tail;
                String usage = request.includeUsage()
                        ? head + "],\"usage\":" + Json.write(usage(request, outputTokens)) + "}\n\n"
                        : "";
                return last + usage + "data: [DONE]\n\n";
            }

            @Override
            public String error(String message) {
                return "data: " + Json.write(Dialect.OPENAI.errorBody(ErrorKind.STREAM_ERROR, message)) + "\n\n";
            }

            @Override
            public String heartbeat() {
                return ": ping\n\n";
            }
        };
    }

    @Override
    ObjectNode wholeAnswer(LlmRequest request, String text, StreamPlan plan) {
        ObjectNode body = Json.object();
        body.put("id", LlmEndpoint.randomId(chat ? "chatcmpl-" : "cmpl-"));
        body.put("object", chat ? "chat.completion" : "text_completion");
        body.put("created", System.currentTimeMillis() / 1000);
        body.put("model", request.model());
        ObjectNode choice = body.putArray("choices").addObject().put("index", 0);
        if (chat) {
            choice.putObject("message").put("role", "assistant").put("content", text);
        } else {
            choice.put("text", text);
        }
        choice.putNull("logprobs");
        choice.put("finish_reason", plan.capped() ? "length" : "stop");
        body.set("usage", usage(request, plan.tokens()));
        return body;
    }

    private static ObjectNode usage(LlmRequest request, int outputTokens) {
        return Json.object().put("prompt_tokens", request.promptTokens()).put("completion_tokens", outputTokens)
                .put("total_tokens", request.promptTokens() + outputTokens);
    }
}
