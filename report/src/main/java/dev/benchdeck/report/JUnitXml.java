package dev.benchdeck.report;

import dev.benchdeck.engine.result.JourneyFigures;
import dev.benchdeck.engine.result.RunResult;
import dev.benchdeck.engine.result.ThresholdVerdict;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * JUnit XML for CI systems. For a run: one test case for the run itself (it fails unless the run
 * completed) and one per threshold verdict, whose failure gives the actual value with its unit or says
 * it was not measured. For a comparison: one test case per tested metric, step and run, failing on a
 * regression with the change and the test's p-value and interval.
 */
public final class JUnitXml {

    private JUnitXml() {
    }

    public static void run(ReportRun run, Writer writer) throws IOException {
        RunResult result = run.result();
        boolean completed = ReportRun.COMPLETED.equals(run.state());
        // a journey's checks: one test case each (over all steps), failed when any evaluation of it failed
        Map<String, JourneyFigures.CheckCount> checks = result.overall() == null || result.overall().journey() == null
                ? Map.of() : result.overall().journey().checks();
        long failures = result.verdicts().stream().filter(v -> !v.passed()).count() + (completed ? 0 : 1)
                + checks.values().stream().filter(c -> c.failed() > 0).count();
        double seconds = Math.max(0, (result.endedAtMillis() - result.startedAtMillis()) / 1000.0);
        PrintWriter w = new PrintWriter(writer);
        w.print("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        w.printf(Locale.ROOT, "<testsuite name=\"benchdeck %s\" tests=\"%d\" failures=\"%d\" time=\"%.3f\">%n",
                xml(result.plan()), result.verdicts().size() + checks.size() + 1, failures, seconds);
        w.printf(Locale.ROOT, "  <testcase classname=\"benchdeck.run\" name=\"run %s\" time=\"%.3f\">%n", xml(run.state()), seconds);
        if (!completed) {
            w.printf("    <failure message=\"%s\"/>%n", xml(result.failure() != null ? result.failure()
                    : run.partialReason() != null ? run.partialReason() : run.state()));
        }
        w.println("  </testcase>");
        for (ThresholdVerdict v : result.verdicts()) {
            w.printf("  <testcase classname=\"benchdeck.thresholds\" name=\"%s (%s)\">%n", xml(v.threshold()), xml(v.scope()));
            if (!v.passed()) {
                w.printf("    <failure message=\"%s\"/>%n", v.actual() == null ? "not measured"
                        : "actual " + xml(Figures.withUnit(Figures.number(v.actual()), v.unit())));
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
        w.flush();
    }

    public static void comparison(Comparison comparison, Writer writer) throws IOException {
        record Case(String name, String classname, String failure) {
        }
        List<Case> cases = new ArrayList<>();
        for (Comparison.StepComparison step : comparison.steps()) {
            for (Comparison.MetricRow metric : step.metrics()) {
                for (Comparison.Change change : metric.changes()) {
                    Significance test = change.significance();
                    if (test == null) {
                        continue;
                    }
                    String failure = change.verdict() != Comparison.Verdict.REGRESSION ? null
                            : String.format(Locale.ROOT, "%s %s against %s (%s); %s: p %s, %s interval [%s, %s]",
                            metric.label(), Figures.delta(change.absolute(), metric.unit()), comparison.runs().get(0).name(),
                            Figures.percent(change.percent()), test.method(), Figures.pValue(test.pValue()),
                            Figures.confidence(test.confidence()), Figures.number(test.low()), Figures.number(test.high()));
                    cases.add(new Case(Comparison.stepName(step) + " " + metric.label() + " (" + change.run() + ")",
                            "benchdeck.compare", failure));
                }
            }
        }
        PrintWriter w = new PrintWriter(writer);
        w.print("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        w.printf(Locale.ROOT, "<testsuite name=\"benchdeck compare %s\" tests=\"%d\" failures=\"%d\">%n",
                xml(String.join(" vs ", comparison.runs().stream().map(Comparison.ComparedRun::name).toList())), cases.size(),
                cases.stream().filter(c -> c.failure() != null).count());
        for (Case c : cases) {
            w.printf("  <testcase classname=\"%s\" name=\"%s\">%n", c.classname(), xml(c.name()));
            if (c.failure() != null) {
                w.printf("    <failure message=\"%s\"/>%n", xml(c.failure()));
            }
            w.println("  </testcase>");
        }
        w.println("</testsuite>");
        w.flush();
    }

    /** Text for an attribute: markup characters escaped, characters XML 1.0 does not allow dropped. */
    static String xml(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\n' -> out.append("&#10;");
                default -> {
                    if (c == '\t' || c == '\r' || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF)) {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }
}
