package dev.benchdeck.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code benchdeck schema}: prints the plan format's JSON Schema, for editor completion. */
@Command(name = "schema", mixinStandardHelpOptions = true,
        description = "Print the JSON Schema of the plan format (for editor completion and validation).")
final class SchemaCommand implements Callable<Integer> {

    static final String RESOURCE = "/dev/benchdeck/engine/plan/benchdeck-plan.schema.json";

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        try (InputStream in = SchemaCommand.class.getResourceAsStream(RESOURCE)) {
            spec.commandLine().getOut().print(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        return ExitCode.PASSED;
    }
}
