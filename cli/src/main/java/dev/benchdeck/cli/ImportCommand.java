package dev.benchdeck.cli;

import dev.benchdeck.driver.http.har.HarImport;
import dev.benchdeck.driver.http.har.InvalidHarException;
import dev.benchdeck.driver.http.openapi.InvalidOpenApiException;
import dev.benchdeck.driver.http.openapi.OpenApiImport;
import dev.benchdeck.engine.plan.Problem;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code benchdeck import …}: starting plans made from something else. */
@Command(name = "import", mixinStandardHelpOptions = true, description = "Make a starting plan from a recording or an API description.",
        subcommands = {ImportCommand.Har.class, ImportCommand.OpenApi.class})
final class ImportCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code benchdeck import har recording.har > plan.yaml}: a journey from a browser recording. */
    @Command(name = "har", mixinStandardHelpOptions = true,
            description = "Turn a HAR recording (a browser's devtools: Network → Save all as HAR) into a journey plan, "
                    + "written to standard output: static assets dropped, think times from the recording, reused values "
                    + "suggested as extractions.")
    static final class Har implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "RECORDING", description = "The .har file.")
        Path file;

        @Option(names = "--name", description = "The plan's name (default: the file's name).")
        String name;

        @Option(names = "--keep-static", description = "Keep scripts, styles, images and fonts.")
        boolean keepStatic;

        @Option(names = "--min-think", defaultValue = "100", paramLabel = "MS",
                description = "The shortest gap between requests that becomes a think time, in ms (default ${DEFAULT-VALUE}).")
        long minThinkMillis;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            String text = readInput(spec, file);
            if (text == null) {
                return ExitCode.INVALID_INPUT;
            }
            String planName = name != null ? name : file.getFileName().toString().replaceFirst("\\.har$", "");
            try {
                return printPlan(spec, HarImport.toPlan(text, planName, new HarImport.Options(keepStatic, minThinkMillis)));
            } catch (InvalidHarException e) {
                return printProblems(spec, file, e.problems());
            }
        }
    }

    /** {@code benchdeck import openapi spec.yaml > plan.yaml}: a journey with one step per operation. */
    @Command(name = "openapi", mixinStandardHelpOptions = true,
            description = "Turn an OpenAPI 3 document (YAML or JSON) into a starting journey plan, written to standard output: "
                    + "one step per operation (DELETEs last), parameters and bodies from the document's examples or schemas.")
    static final class OpenApi implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "SPEC", description = "The OpenAPI document (.yaml, .yml or .json).")
        Path file;

        @Option(names = "--name", description = "The plan's name (default: the file's name).")
        String name;

        @Option(names = "--base-url", paramLabel = "URL", description = "The target's URL (default: the document's first server).")
        String baseUrl;

        @Option(names = "--read-only", description = "Only GET, HEAD and OPTIONS operations.")
        boolean readOnly;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            String text = readInput(spec, file);
            if (text == null) {
                return ExitCode.INVALID_INPUT;
            }
            String planName = name != null ? name : file.getFileName().toString().replaceFirst("\\.(ya?ml|json)$", "");
            try {
                return printPlan(spec, OpenApiImport.toPlan(text, planName, new OpenApiImport.Options(baseUrl, readOnly)));
            } catch (InvalidOpenApiException e) {
                return printProblems(spec, file, e.problems());
            }
        }
    }

    /** The file's text, or null once the error is printed. */
    private static String readInput(CommandSpec spec, Path file) {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            spec.commandLine().getErr().println("error: no such file: " + file);
        } catch (IOException e) {
            spec.commandLine().getErr().println("error: cannot read " + file + ": " + e.getMessage());
        }
        return null;
    }

    private static int printPlan(CommandSpec spec, String plan) {
        spec.commandLine().getOut().print(plan);
        spec.commandLine().getOut().flush();
        return ExitCode.PASSED;
    }

    private static int printProblems(CommandSpec spec, Path file, List<Problem> problems) {
        PrintWriter err = spec.commandLine().getErr();
        err.println(file + " cannot be imported:");
        for (Problem p : problems) {
            err.println("  " + (p.path().isEmpty() ? "" : p.path() + ": ") + p.message());
        }
        return ExitCode.INVALID_INPUT;
    }
}
