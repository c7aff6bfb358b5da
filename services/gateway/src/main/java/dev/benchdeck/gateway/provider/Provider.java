package dev.benchdeck.gateway.provider;

import dev.benchdeck.gateway.config.ProviderDefinition;
import io.netty.channel.EventLoop;

/** A source of streamed answers: the built-in fake, or an HTTP API (OpenAI-compatible, Anthropic). */
public sealed interface Provider extends AutoCloseable permits FakeProvider, HttpProvider {

    ProviderDefinition definition();

    default String name() {
        return definition().name();
    }

    /** Starts one answer; {@code listener} hears it on {@code loop}. */
    ProviderCall stream(ProviderRequest request, EventLoop loop, ProviderListener listener);

    @Override
    default void close() {
    }

    static Provider of(ProviderDefinition definition) {
        return ProviderDefinition.FAKE.equals(definition.type()) ? new FakeProvider(definition) : new HttpProvider(definition);
    }
}
