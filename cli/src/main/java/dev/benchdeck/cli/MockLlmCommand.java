package dev.benchdeck.cli;

import dev.benchdeck.mockllm.MockLlmOptions;
import dev.benchdeck.mockllm.MockLlmServer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code benchdeck mock-llm}: Benchdeck's mock mode, an OpenAI- and Anthropic-compatible streaming
 * server with automation endpoints, configurable timing and fault injection, until Ctrl-C. The
 * options are the mock module's own (one parser for the CLI and the module's main).
 */
@Command(name = "mock-llm", description = "Serve a mock LLM API (OpenAI, Anthropic, automations) on 127.0.0.1 until Ctrl-C.")
final class MockLlmCommand implements Callable<Integer> {

    @Option(names = {"-h", "--help"}, description = "Show the options and exit.")
    boolean help;

    @Unmatched
    List<String> options = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (help) {
            spec.commandLine().getOut().print("Usage: benchdeck mock-llm [options]\n" + MockLlmOptions.usage());
            spec.commandLine().getOut().flush();
            return ExitCode.PASSED;
        }
        MockLlmOptions parsed;
        try {
            parsed = MockLlmOptions.parse(options);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("benchdeck mock-llm: " + e.getMessage());
            return ExitCode.INVALID_INPUT;
        }
        String exposure = MockLlmOptions.exposureProblem(parsed.host(), parsed.adminToken());
        if (exposure != null) {
            spec.commandLine().getErr().println("benchdeck mock-llm: " + exposure);
            return ExitCode.UNSAFE_EXPOSURE;
        }
        try (MockLlmServer server = MockLlmServer.start(parsed.host(), parsed.port(), parsed.config(), parsed.adminToken())) {
            spec.commandLine().getOut().println("mock LLM server listening on " + server.baseUri() + " (Ctrl-C stops it)");
            spec.commandLine().getOut().flush();
            new CountDownLatch(1).await();
        } catch (IOException e) {
            spec.commandLine().getErr().println("benchdeck mock-llm: cannot listen on " + parsed.host() + ":" + parsed.port()
                    + ": " + e.getMessage());
            return ExitCode.RUN_FAILED;
        }
        return ExitCode.PASSED;
    }
}
