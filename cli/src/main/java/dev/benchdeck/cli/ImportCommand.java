package dev.benchdeck.cli;

import dev.benchdeck.driver.http.har.HarImport;
import dev.benchdeck.driver.http.har.InvalidHarException;
import dev.benchdeck.engine.plan.Problem;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code benchdeck import …}: starting plans made from something else. */
@Command(name = "import", mixinStandardHelpOptions = true, description = "Make a starting plan from a recording.",
        subcommands = {ImportCommand.Har.class})
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
            PrintWriter err = spec.commandLine().getErr();
            String text;
            try {
                text = Files.readString(file);
            } catch (NoSuchFileException e) {
                err.println("error: no such file: " + file);
                return ExitCode.INVALID_INPUT;
            } catch (IOException e) {
                err.println("error: cannot read " + file + ": " + e.getMessage());
                return ExitCode.INVALID_INPUT;
            }
            String planName = name != null ? name : file.getFileName().toString().replaceFirst("\\.har$", "");
            try {
                spec.commandLine().getOut().print(HarImport.toPlan(text, planName, new HarImport.Options(keepStatic, minThinkMillis)));
                spec.commandLine().getOut().flush();
                return ExitCode.PASSED;
            } catch (InvalidHarException e) {
                err.println(file + " cannot be imported:");
                for (Problem p : e.problems()) {
                    err.println("  " + (p.path().isEmpty() ? "" : p.path() + ": ") + p.message());
                }
                return ExitCode.INVALID_INPUT;
            }
        }
    }
}
