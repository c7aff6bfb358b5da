package dev.benchdeck.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code benchdeck} command. */
@Command(name = "benchdeck", mixinStandardHelpOptions = true, versionProvider = BenchdeckCommand.Version.class,
        description = "Benchmarks HTTP APIs (and more): measures like wrk2, runs in CI.",
        subcommands = {RunCommand.class, ValidateCommand.class, SchemaCommand.class, DemoTargetCommand.class,
                MockLlmCommand.class, GatewayCommand.class, IngestorCommand.class,
                ReportCommand.class, CompareCommand.class, ImportCommand.class, AgentCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:passed (thresholds held, plan valid)", "1:thresholds failed; compare --fail-on-regression: a regression",
                "2:invalid plan or usage, unreadable or incomparable results", "3:the run failed (unreachable target, deadline, internal error)",
                "4:a service (ingestor, mock-llm) asked to listen beyond 127.0.0.1 without a token to protect it",
                "5:run --upload: the run passed but the server did not store it",
                "130:interrupted (partial results written)"})
public final class BenchdeckCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        CommandLine cli = commandLine();
        int code = cli.execute(args);
        // picocli's writers flush on println only: whatever a command print()ed must be out before the JVM exits
        cli.getOut().flush();
        cli.getErr().flush();
        System.exit(code);
    }

    /** The configured command line: usage errors exit 2 with one line, unexpected errors 3. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new BenchdeckCommand());
        cli.setParameterExceptionHandler((e, args) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println("error: " + e.getMessage());
            err.println("try: " + e.getCommandLine().getCommandSpec().qualifiedName() + " --help");
            return ExitCode.INVALID_INPUT;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("error: " + e);
            return ExitCode.RUN_FAILED;
        });
        return cli;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = BenchdeckCommand.class.getPackage().getImplementationVersion();
            return new String[] {"benchdeck " + (version == null ? "dev" : version) + " (Java " + Runtime.version() + ")"};
        }
    }
}
