package dev.benchdeck.cli;

import dev.benchdeck.engine.result.JourneyFigures;
import dev.benchdeck.engine.result.RunResult;
import dev.benchdeck.engine.result.RunStatus;
import dev.benchdeck.engine.result.ThresholdVerdict;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * A JUnit XML report for CI systems: one test case per threshold verdict, plus one for the run itself.
 * A failed verdict's message gives the actual value with its unit, or says it was not measured. A journey's checks
 * add one test case each (over all steps), failed when any evaluation of it failed.
 */
final class JUnitReport {

    private JUnitReport() {
    }

    static void write(RunResult result, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Map<String, JourneyFigures.CheckCount> checks = result.overall() == null || result.overall().journey() == null
                ? Map.of() : result.overall().journey().checks();
        long failures = result.verdicts().stream().filter(v -> !v.passed()).count()
                + (result.status() == RunStatus.COMPLETED ? 0 : 1)
                + checks.values().stream().filter(c -> c.failed() > 0).count();
        double seconds = (result.endedAtMillis() - result.startedAtMillis()) / 1000.0;
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file))) {
            w.println("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
            w.printf(Locale.ROOT, "<testsuite name=\"benchdeck %s\" tests=\"%d\" failures=\"%d\" time=\"%.3f\">%n",
                    xml(result.plan()), result.verdicts().size() + checks.size() + 1, failures, seconds);
            w.printf(Locale.ROOT, "  <testcase classname=\"benchdeck.run\" name=\"run %s\" time=\"%.3f\">%n",
                    result.status().name().toLowerCase(Locale.ROOT), seconds);
            if (result.status() != RunStatus.COMPLETED) {
                w.printf("    <failure message=\"%s\"/>%n", xml(result.failure() == null ? result.status().name() : result.failure()));
            }
            w.println("  </testcase>");
            for (ThresholdVerdict v : result.verdicts()) {
                w.printf("  <testcase classname=\"benchdeck.thresholds\" name=\"%s (%s)\">%n", xml(v.threshold()), xml(v.scope()));
                if (!v.passed()) {
                    w.printf("    <failure message=\"%s\"/>%n", v.actual() == null ? "not measured"
                            : "actual " + xml(SummaryPrinter.withUnit(SummaryPrinter.number(v.actual()), v.unit())));
                }
                w.println("  </testcase>");
            }
            checks.forEach((name, c) -> {
                w.printf("  <testcase classname=\"benchdeck.checks\" name=\"%s\">%n", xml(name));
                if (c.failed() > 0) {
                    w.printf(Locale.ROOT, "    <failure message=\"%d of %d failed\"/>%n", c.failed(), c.passed() + c.failed());
                }
                w.println("  </testcase>");
            });
            w.println("</testsuite>");
        }
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
