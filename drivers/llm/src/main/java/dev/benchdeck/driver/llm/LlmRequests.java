package dev.benchdeck.driver.llm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.benchdeck.driver.http.HttpWorkload;
import dev.benchdeck.driver.llm.stream.LlmProviders;
import dev.benchdeck.engine.driver.RequestContext;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * What the {@code llm} driver sends: the request body a plan asks for (an OpenAI or Anthropic
 * prompt, the gateway's query, or the plan's own body), its headers with the provider's
 * authentication, as a JDK-client request or as bytes for {@link LoopStream}.
 */
final class LlmRequests {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LlmTarget target;
    private final LlmWorkload workload;
    private final String apiKey;

    LlmRequests(LlmTarget target, LlmWorkload workload, String apiKey) {
        this.target = target;
        this.workload = workload;
        this.apiKey = apiKey;
    }

    /** The first request of an exchange for the JDK client; no client-side timeout (the exchange's timer covers it all). */
    HttpRequest jdkRequest(RequestContext context) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(context));
        byte[] body = body(context);
        for (String[] header : headers(context)) {
            builder.header(header[0], header[1]);
        }
        builder.POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        return builder.build();
    }

    /** The same request as bytes for {@link LoopStream}. */
    byte[] loopRequest(RequestContext context) {
        return LoopStream.request(uri(context), headers(context), body(context));
    }

    /** An automation's status poll for the JDK client. */
    HttpRequest poll(URI statusUri) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(statusUri).GET();
        LlmProviders.authHeaders(target.provider(), apiKey).forEach(builder::header);
        return builder.build();
    }

    private URI uri(RequestContext context) {
        return URI.create(target.base() + workload.path().renderText(context));
    }

    private List<String[]> headers(RequestContext context) {
        List<String[]> headers = new ArrayList<>();
        headers.add(new String[] {"Content-Type", "application/json"});
        if (workload.api().streams()) {
            headers.add(new String[] {"Accept", "text/event-stream"});
        }
        for (HttpWorkload.Header header : workload.headers()) {
            headers.add(new String[] {header.name(), header.value().renderText(context)});
        }
        LlmProviders.authHeaders(target.provider(), apiKey).forEach((name, value) -> headers.add(new String[] {name, value}));
        return headers;
    }

    /** The body: the plan's own for automations and generic SSE, else the API's prompt request. */
    byte[] body(RequestContext context) {
        if (!workload.api().promptBody()) {
            return workload.body() == null ? null : workload.body().render(context);
        }
        ObjectNode body = workload.api() == LlmApi.GATEWAY ? gatewayBody(context) : promptBody(context);
        try {
            return JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private ObjectNode promptBody(RequestContext context) {
        ObjectNode body = JSON.createObjectNode();
        body.put("model", workload.model());
        String prompt = workload.prompts().prompt(context);
        if (workload.api() == LlmApi.OPENAI_COMPLETIONS) {
            body.put("prompt", prompt);
        } else {
            body.putArray("messages").addObject().put("role", "user").put("content", prompt);
        }
        if (workload.maxTokens() != null) {
            body.put("max_tokens", workload.maxTokens());
        }
        body.put("stream", true);
        if (workload.api() != LlmApi.ANTHROPIC) {
            body.putObject("stream_options").put("include_usage", true);
        }
        return body;
    }

    /** The gateway's request: {@code {query, model?, provider?, max_tokens?, stream: true}}. */
    private ObjectNode gatewayBody(RequestContext context) {
        ObjectNode body = JSON.createObjectNode().put("query", workload.prompts().prompt(context));
        if (workload.model() != null) {
            body.put("model", workload.model());
        }
        if (workload.gatewayProvider() != null) {
            body.put("provider", workload.gatewayProvider());
        }
        if (workload.maxTokens() != null) {
            body.put("max_tokens", workload.maxTokens());
        }
        body.put("stream", true);
        return body;
    }
}
