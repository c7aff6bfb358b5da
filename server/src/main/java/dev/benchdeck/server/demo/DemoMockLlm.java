package dev.benchdeck.server.demo;

import dev.benchdeck.mockllm.MockLlmConfig;
import dev.benchdeck.mockllm.MockLlmServer;
import dev.benchdeck.server.system.BenchdeckProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Benchdeck's mock LLM server (OpenAI, Anthropic and automation endpoints) on 127.0.0.1 at
 * {@code benchdeck.mock-llm.port} (8001; 0 = a free port; -1 = not started), so that the LLM demo
 * scenarios run with nothing external. A port already taken is logged and the mock stays off.
 */
@Component
public class DemoMockLlm implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DemoMockLlm.class);
    static final String HOST = "127.0.0.1";

    private final MockLlmServer server;

    DemoMockLlm(BenchdeckProperties properties) {
        this.server = properties.mockLlm().enabled() ? start(properties.mockLlm().port()) : null;
    }

    private static MockLlmServer start(int port) {
        try {
            MockLlmServer started = MockLlmServer.start(HOST, port, MockLlmConfig.defaults());
            log.info("Mock LLM server at {}", started.baseUri());
            return started;
        } catch (java.net.BindException e) {
            log.warn("Mock LLM server not started: port {} is taken (set benchdeck.mock-llm.port, 0 for a free port, -1 for none)", port);
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the mock LLM server", e);
        }
    }

    /** {@code http://127.0.0.1:<port>} while the mock runs. */
    public Optional<String> baseUrl() {
        return server == null ? Optional.empty() : Optional.of("http://" + HOST + ":" + server.port());
    }

    @Override
    public void destroy() {
        if (server != null) {
            server.close();
        }
    }
}
