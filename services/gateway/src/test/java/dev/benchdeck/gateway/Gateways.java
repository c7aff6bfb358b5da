package dev.benchdeck.gateway;

import dev.benchdeck.gateway.config.GatewayConfig;
import dev.benchdeck.gateway.config.ProviderDefinition;
import dev.benchdeck.mockllm.MockLlmConfig;
import java.util.List;

/** Gateways for tests: 127.0.0.1, a free port, the test admin token. */
final class Gateways {

    private Gateways() {
    }

    static GatewayConfig.Builder builder() {
        return GatewayConfig.builder().port(0).adminToken(TestClient.TOKEN);
    }

    /** A fake provider with exact timing: TTFT and ITL in ms, {@code tokens} tokens one per chunk. */
    static ProviderDefinition fake(long ttftMs, long itlMs, int tokens) {
        return ProviderDefinition.fake(ProviderDefinition.FAKE, MockLlmConfig.defaults().toBuilder().ttft(ttftMs, 0).itl(itlMs, 0)
                .outputTokens(tokens, 0).build(), List.of("fake-1", ProviderDefinition.ANY_MODEL));
    }

    /** A mock LLM with exact timing, for the real-provider code paths. */
    static MockLlmConfig mock(long ttftMs, long itlMs, int tokens) {
        return MockLlmConfig.defaults().toBuilder().ttft(ttftMs, 0).itl(itlMs, 0).outputTokens(tokens, 0).build();
    }
}
