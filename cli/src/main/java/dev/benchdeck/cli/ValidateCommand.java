package dev.benchdeck.cli;

import dev.benchdeck.driver.http.plan.PlanBuilder;
import dev.benchdeck.engine.plan.DurationText;
import dev.benchdeck.engine.plan.Plan;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code benchdeck validate plan.yaml}: checks a plan and lists every problem with its path. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check a plan without running it; lists every problem with its path.")
final class ValidateCommand implements Callable<Integer> {

    @Mixin
    PlanOptions plan = new PlanOptions();

    @Option(names = "--print-yaml", description = "Print the plan as YAML (for a Java plan: its YAML twin, e.g. for the dashboard).")
    boolean printYaml;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Plan parsed = plan.read(spec.commandLine().getErr());
        if (parsed == null) {
            return ExitCode.INVALID_INPUT;
        }
        if (printYaml) {
            spec.commandLine().getOut().print(PlanBuilder.toYaml(parsed.source()));
            return ExitCode.PASSED;
        }
        int steps = parsed.load().steps().size();
        String length = parsed.estimatedDuration().map(d -> ", about " + DurationText.format(d)).orElse("");
        spec.commandLine().getOut().println(plan.file + ": valid (" + steps + (steps == 1 ? " step" : " steps") + length + ")");
        return ExitCode.PASSED;
    }
}
