package dev.benchdeck.cli;

import dev.benchdeck.engine.driver.Drivers;
import dev.benchdeck.engine.plan.InvalidPlanException;
import dev.benchdeck.engine.plan.Plan;
import dev.benchdeck.engine.plan.PlanReader;
import dev.benchdeck.engine.plan.Problem;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The plan file and its overrides, shared by {@code run} and {@code validate}. */
final class PlanOptions {

    @Parameters(index = "0", paramLabel = "PLAN", description = "The plan file (YAML or JSON).")
    Path file;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override a plan value, e.g. --set load.users=100 --set target.url=http://host:8080/")
    List<String> overrides = new ArrayList<>();

    /** Reads the plan with every problem reported, or prints them and returns {@code null}. */
    Plan read(PrintWriter err) {
        PlanReader reader = new PlanReader(Drivers.discover());
        try {
            Plan plan = reader.read(file, overrides);
            reader.driverSpec(plan);
            return plan;
        } catch (InvalidPlanException e) {
            List<Problem> problems = e.problems();
            err.println("error: invalid plan " + file + " (" + problems.size()
                    + (problems.size() == 1 ? " problem)" : " problems)"));
            problems.forEach(p -> err.println("  " + p));
            return null;
        }
    }
}
