package dev.benchdeck.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.benchdeck.driver.http.plan.PlanBuilder;
import dev.benchdeck.engine.driver.Drivers;
import dev.benchdeck.engine.plan.InvalidPlanException;
import dev.benchdeck.engine.plan.Plan;
import dev.benchdeck.engine.plan.PlanOverrides;
import dev.benchdeck.engine.plan.PlanReader;
import dev.benchdeck.engine.plan.Problem;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The plan file and its overrides, shared by {@code run} and {@code validate}. */
final class PlanOptions {

    @Parameters(index = "0", paramLabel = "PLAN",
            description = "The plan file: YAML, JSON, or a Java source file whose class gives the plan (docs/journeys.md).")
    Path file;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override a plan value, e.g. --set load.users=100 --set target.url=http://host:8080/")
    List<String> overrides = new ArrayList<>();

    /** A Java plan's tree as it gave it, before overrides. */
    private ObjectNode javaPlan;

    /** Reads the plan with every problem reported, or prints them and returns {@code null}. */
    Plan read(PrintWriter err) {
        PlanReader reader = new PlanReader(Drivers.discover());
        try {
            Plan plan = JavaPlanFile.isJavaSource(file) ? readJava(reader) : reader.read(file, overrides);
            reader.driverSpec(plan);
            return plan;
        } catch (JavaPlanFile.UnusableSourceException e) {
            err.println("error: " + e.getMessage());
            e.details().forEach(d -> err.println("  " + d));
            return null;
        } catch (InvalidPlanException e) {
            List<Problem> problems = e.problems();
            err.println("error: invalid plan " + file + " (" + problems.size()
                    + (problems.size() == 1 ? " problem)" : " problems)"));
            problems.forEach(p -> err.println("  " + p));
            return null;
        }
    }

    /** The plan as written, for the server's history: the file, or for a Java plan the YAML it gives. */
    String text() throws IOException {
        if (javaPlan != null) {
            return "# the YAML twin of " + file.getFileName() + "\n" + PlanBuilder.toYaml(javaPlan);
        }
        return Files.readString(file);
    }

    /** A Java plan: its tree, overridden as a YAML plan's would be, then read by the same reader. */
    private Plan readJava(PlanReader reader) throws JavaPlanFile.UnusableSourceException {
        ObjectNode tree = JavaPlanFile.tree(file);
        javaPlan = tree.deepCopy();
        PlanOverrides.apply(tree, overrides);
        return reader.read(tree);
    }
}
