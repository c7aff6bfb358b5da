package dev.benchdeck.cli;

import dev.benchdeck.demotarget.DemoTarget;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code benchdeck demo-target}: serves the demo endpoints the examples use, until Ctrl-C. */
@Command(name = "demo-target", mixinStandardHelpOptions = true,
        description = "Serve demo endpoints on 127.0.0.1 (/hello, /delay/{ms}, /status/{code}, /flaky/{percent}, /echo) until Ctrl-C.")
final class DemoTargetCommand implements Callable<Integer> {

    @Option(names = "--port", description = "Port to listen on (default ${DEFAULT-VALUE}).", defaultValue = "8089")
    int port;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (DemoTarget target = DemoTarget.start(port)) {
            spec.commandLine().getOut().println("demo target listening on " + target.baseUrl() + " (Ctrl-C stops it)");
            spec.commandLine().getOut().flush();
            new CountDownLatch(1).await();
        }
        return ExitCode.PASSED;
    }
}
