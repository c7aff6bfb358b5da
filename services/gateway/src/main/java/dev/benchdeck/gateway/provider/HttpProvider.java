package dev.benchdeck.gateway.provider;

import dev.benchdeck.gateway.config.ProviderDefinition;
import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * An HTTP provider: OpenAI (or any OpenAI-compatible server) or Anthropic. The API key is read from its
 * environment variable once, at start, and only ever put in the upstream request's header.
 */
public final class HttpProvider implements Provider {

    private static final int ERROR_BODY_LIMIT = 4096;

    private final ProviderDefinition definition;
    private final WireFormat wire;
    private final UpstreamClient client;
    private final String apiKey;

    HttpProvider(ProviderDefinition definition) {
        this.definition = definition;
        this.wire = ProviderDefinition.ANTHROPIC.equals(definition.type()) ? new WireFormat.AnthropicMessages() : new WireFormat.OpenAiChat();
        this.client = new UpstreamClient(definition.baseUrl(), definition.connectTimeoutMs(), definition.timeoutMs());
        String key = definition.apiKeyEnv() == null ? null : System.getenv(definition.apiKeyEnv());
        this.apiKey = key == null || key.isBlank() ? null : key.strip();
    }

    @Override
    public ProviderDefinition definition() {
        return definition;
    }

    /** Whether a key was found in the environment (shown in /health as a yes or no, never the key). */
    public boolean hasApiKey() {
        return apiKey != null;
    }

    @Override
    public ProviderCall stream(ProviderRequest request, EventLoop loop, ProviderListener listener) {
        StreamExchange exchange = new StreamExchange(listener);
        Runnable start = () -> {
            if (!exchange.finished) {
                exchange.handle = client.post(loop, wire.path(), wire.headers(apiKey), wire.body(request), exchange);
            }
        };
        if (loop.inEventLoop()) {
            start.run();
        } else {
            loop.execute(start);
        }
        return exchange;
    }

    @Override
    public void close() {
        client.close();
    }

    /** Reads one upstream answer: a 2xx event stream is decoded and relayed, anything else is a failure. */
    private final class StreamExchange implements UpstreamClient.Exchange, ProviderCall, SseDecoder.Listener {
        private final ProviderListener listener;
        private final SseDecoder decoder = new SseDecoder(this);
        private UpstreamClient.Handle handle;
        private int status;
        private StringBuilder errorBody;
        private boolean finished;
        private boolean wantPaused;

        StreamExchange(ProviderListener listener) {
            this.listener = listener;
        }

        @Override
        public void status(HttpResponse response) {
            status = response.status().code();
            String type = response.headers().get(HttpHeaderNames.CONTENT_TYPE, "");
            if (status < 200 || status > 299 || !type.toLowerCase(Locale.ROOT).startsWith("text/event-stream")) {
                errorBody = new StringBuilder();
            }
            if (wantPaused && handle != null) {
                handle.autoRead(false);
            }
        }

        @Override
        public void content(ByteBuf piece) {
            if (finished) {
                return;
            }
            if (errorBody != null) {
                if (errorBody.length() < ERROR_BODY_LIMIT) {
                    errorBody.append(piece.toString(StandardCharsets.UTF_8));
                }
                return;
            }
            try {
                decoder.feed(piece);
            } catch (IllegalStateException e) {
                fail("upstream_malformed", e.getMessage());
            }
        }

        @Override
        public void event(String type, String data) {
            if (finished) {
                return;
            }
            WireFormat.Reading reading = wire.read(type, data);
            switch (reading.kind()) {
                case CONTENT -> listener.chunk(reading.text());
                case END -> {
                    finished = true;
                    listener.completed();
                }
                case ERROR -> fail("upstream_error_event", "the provider sent an error in the stream: " + reading.text());
                case MALFORMED -> fail("upstream_malformed", reading.text());
                case OTHER -> {
                    // role chunks, pings, usage: nothing to relay
                }
            }
        }

        @Override
        public void end() {
            if (finished) {
                return;
            }
            if (errorBody != null) {
                String detail = WireFormat.excerpt(errorBody.toString());
                fail(status >= 200 && status <= 299 ? "upstream_protocol" : "upstream_status_" + status,
                        (status >= 200 && status <= 299 ? "the provider did not answer with text/event-stream" : "the provider answered HTTP " + status)
                                + (detail.isEmpty() ? "" : ": " + detail));
            } else {
                fail("upstream_incomplete", "the provider's stream ended before its end marker");
            }
        }

        @Override
        public void failed(String code, String message) {
            fail(code, message);
        }

        private void fail(String code, String message) {
            if (finished) {
                return;
            }
            finished = true;
            if (handle != null) {
                handle.cancel();
            }
            listener.failed(new ProviderFailure(code, message));
        }

        @Override
        public void pause() {
            wantPaused = true;
            if (handle != null) {
                handle.autoRead(false);
            }
        }

        @Override
        public void resume() {
            wantPaused = false;
            if (handle != null) {
                handle.autoRead(true);
            }
        }

        @Override
        public void cancel() {
            finished = true;
            if (handle != null) {
                handle.cancel();
            }
        }
    }
}
