package dev.benchdeck.mockllm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Supplier;

/**
 * POST /v1/messages. Streams message_start (with usage.input_tokens), content_block_start, ping,
 * content_block_delta (text_delta) events, content_block_stop, message_delta (stop_reason,
 * usage.output_tokens) and message_stop; an in-stream error is {@code event: error}.
 */
final class AnthropicEndpoint extends LlmEndpoint {

    AnthropicEndpoint(Supplier<MockLlmConfig> config, MockStats stats, StreamScheduler scheduler) {
        super(config, stats, scheduler);
    }

    @Override
    Dialect dialect() {
        return Dialect.ANTHROPIC;
    }

    @Override
    LlmRequest parse(ObjectNode body) {
        StringBuilder prompt = new StringBuilder();
        LlmRequest.appendText(body.get("system"), prompt);
        LlmRequest.appendMessages(body, prompt);
        return new LlmRequest(LlmRequest.model(body), LlmRequest.flag(body, "stream"), true,
                LlmRequest.maxTokens(body, "max_tokens"), Vocabulary.countTokens(prompt));
    }

    @Override
    StreamFrames frames(LlmRequest request) {
        String id = LlmEndpoint.randomId("msg_");
        return new StreamFrames() {
            @Override
            public String opening() {
                ObjectNode message = Json.object().put("id", id).put("type", "message").put("role", "assistant");
                message.putArray("content");
                message.put("model", request.model()).putNull("stop_reason").putNull("stop_sequence");
                message.putObject("usage").put("input_tokens", request.promptTokens()).put("output_tokens", 0);
                ObjectNode start = Json.object().put("type", "message_start");
                start.set("message", message);
                return event("message_start", Json.write(start))
                        + event("content_block_start", "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}")
                        + heartbeat();
            }

            @Override
            public String content(String text) {
                return event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":"
                        + Json.quote(text) + "}}");
            }

            @Override
            public String closing(int outputTokens, boolean capped) {
                return event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}")
                        + event("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"" + stopReason(capped)
                                + "\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":" + outputTokens + "}}")
                        + event("message_stop", "{\"type\":\"message_stop\"}");
            }

            @Override
            public String error(String message) {
                return event("error", Json.write(Dialect.ANTHROPIC.errorBody(ErrorKind.STREAM_ERROR, message)));
            }

            @Override
            public String heartbeat() {
                return event("ping", "{\"type\":\"ping\"}");
            }
        };
    }

    @Override
    ObjectNode wholeAnswer(LlmRequest request, String text, StreamPlan plan) {
        ObjectNode body = Json.object().put("id", LlmEndpoint.randomId("msg_")).put("type", "message").put("role", "assistant");
        body.put("model", request.model());
        body.putArray("content").addObject().put("type", "text").put("text", text);
        body.put("stop_reason", stopReason(plan.capped())).putNull("stop_sequence");
        body.putObject("usage").put("input_tokens", request.promptTokens()).put("output_tokens", plan.tokens());
        return body;
    }

    private static String stopReason(boolean capped) {
        return capped ? "max_tokens" : "end_turn";
    }

    private static String event(String type, String json) {
        return "event: " + type + "\ndata: " + json + "\n\n";
    }
}
