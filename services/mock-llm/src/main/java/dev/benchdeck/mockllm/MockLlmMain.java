package dev.benchdeck.mockllm;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the mock until the process is stopped: {@code java dev.benchdeck.mockllm.MockLlmMain --port 8001 --ttft 200 --itl 20}.
 * Exit codes: 0 after --help, 1 when the port cannot be bound, 2 for bad options, 4 for a host other
 * than loopback without an admin token.
 */
public final class MockLlmMain {

    private MockLlmMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        List<String> arguments = List.of(args);
        if (arguments.contains("--help") || arguments.contains("-h")) {
            System.out.print("Usage: mock-llm [options]\n" + MockLlmOptions.usage());
            return;
        }
        MockLlmOptions options;
        try {
            options = MockLlmOptions.parse(arguments);
        } catch (IllegalArgumentException e) {
            System.err.println("mock-llm: " + e.getMessage());
            System.exit(2);
            return;
        }
        String exposure = MockLlmOptions.exposureProblem(options.host(), options.adminToken());
        if (exposure != null) {
            System.err.println("mock-llm: " + exposure);
            System.exit(4);
            return;
        }
        MockLlmServer server;
        try {
            server = MockLlmServer.start(options.host(), options.port(), options.config(), options.adminToken());
        } catch (IOException e) {
            System.err.println("mock-llm: cannot listen on " + options.host() + ":" + options.port() + ": " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }));
        System.out.println("mock LLM server listening on " + server.baseUri());
        stopped.await();
    }
}
