package dev.benchdeck.report;

import dev.benchdeck.engine.result.StepResult;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * The HTML report of a comparison, in the same shell as a run's: the verdict and the regressions first,
 * the runs, overlaid charts on elapsed time and the overlaid percentile distributions (merged histograms
 * of all steps), then per step every metric with its change and test, and what differed (environment,
 * labels, plan diff).
 */
final class ComparisonHtml {

    private ComparisonHtml() {
    }

    static void render(Comparison c, Writer w) throws IOException {
        List<Comparison.ComparedRun> runs = c.runs();
        String title = "Comparison: " + String.join(" → ", runs.stream().map(Comparison.ComparedRun::name).toList());
        w.write(Html.head("Benchdeck " + title));
        w.write("<header><h1>" + Html.esc(title) + "</h1><p class=\"meta\">baseline " + Html.esc(runs.get(0).name())
                + " · significance: " + Html.esc(BlockBootstrap.METHOD) + " at " + Html.esc(Figures.confidence(c.options().confidence()))
                + " confidence, " + c.options().resamples() + " resamples, seed " + c.options().seed() + "</p></header>\n");
        List<Comparison.Finding> regressions = c.regressions();
        w.write("<section class=\"summary\" id=\"summary\"><h2>Summary</h2>");
        if (regressions.isEmpty()) {
            w.write("<p class=\"banner good\">No significant regression.</p>");
        } else {
            StringBuilder t = new StringBuilder("<p class=\"banner bad\"><b>" + regressions.size() + " significant regression"
                    + (regressions.size() == 1 ? "" : "s") + ".</b></p><table><thead><tr><th class=\"text\">step</th>"
                    + "<th class=\"text\">metric</th><th class=\"text\">run</th><th>change</th><th>%</th><th>p</th></tr></thead><tbody>");
            for (Comparison.Finding f : regressions) {
                t.append("<tr><td class=\"text\">").append(Html.esc(f.step())).append("</td><td class=\"text\">").append(Html.esc(f.metric().label()))
                        .append("</td><td class=\"text\">").append(Html.esc(f.change().run())).append("</td><td class=\"bad\">")
                        .append(Html.esc(Figures.delta(f.change().absolute(), f.metric().unit()))).append("</td><td class=\"bad\">")
                        .append(Html.esc(Figures.percent(f.change().percent()))).append("</td><td>")
                        .append(Html.esc(Figures.pValue(f.change().significance().pValue()))).append("</td></tr>");
            }
            w.write(t.append("</tbody></table>").toString());
        }
        for (String note : c.notes()) {
            w.write("<p class=\"banner\">" + Html.esc(note) + "</p>");
        }
        runsTable(c, w);
        w.write("</section>\n<section class=\"charts\" id=\"charts\"><h2>Charts</h2>");
        charts(c, w);
        w.write("</section>\n<section class=\"details\" id=\"details\"><h2>Step by step</h2>");
        for (Comparison.StepComparison step : c.steps()) {
            stepTable(c, step, w);
        }
        differences(c, w);
        w.write("</section>\n" + Html.FOOT);
        w.flush();
    }

    private static void runsTable(Comparison c, Writer w) throws IOException {
        StringBuilder t = new StringBuilder("<h3>Runs</h3><table><thead><tr><th class=\"text\">run</th><th class=\"text\">plan</th>"
                + "<th class=\"text\">state</th><th class=\"text\">started</th><th>seconds</th><th class=\"text\">labels</th></tr></thead><tbody>");
        for (int i = 0; i < c.runs().size(); i++) {
            Comparison.ComparedRun r = c.runs().get(i);
            t.append("<tr><td class=\"text\"><span style=\"color:").append(SvgChart.COLORS.get(i)).append("\">■</span> ")
                    .append(Html.esc(r.name())).append(i == 0 ? " (baseline)" : "").append("</td><td class=\"text\">").append(Html.esc(r.plan()))
                    .append("</td><td class=\"text\">").append(Html.esc(r.state().replace('_', ' '))).append(r.partial() ? " (partial)" : "")
                    .append("</td><td class=\"text\">").append(HtmlReport.time(r.startedAtMillis())).append("</td><td>")
                    .append(HtmlReport.seconds(r.endedAtMillis() - r.startedAtMillis())).append("</td><td class=\"text\">")
                    .append(HtmlReport.labels(r.labels()).replaceFirst("^ · ", "")).append("</td></tr>");
        }
        w.write(t.append("</tbody></table>").toString());
    }

    private static void charts(Comparison c, Writer w) throws IOException {
        List<SvgChart.Series> throughput = new ArrayList<>();
        List<SvgChart.Series> p99 = new ArrayList<>();
        List<SvgChart.Series> distribution = new ArrayList<>();
        boolean grouped = false;
        List<double[]> shaded = List.of();
        for (int i = 0; i < c.inputs().size(); i++) {
            ReportRun run = c.inputs().get(i);
            String color = SvgChart.COLORS.get(i);
            List<ChartData.Bucket> buckets = ChartData.buckets(run.result().intervals(), ChartData.MAX_POINTS);
            grouped |= buckets.size() < run.result().intervals().size();
            if (i == 0) {
                shaded = ChartData.unmeasured(buckets);
            }
            throughput.add(new SvgChart.Series(run.name(), color, i > 0, ChartData.points(buckets, ChartData.Bucket::throughput)));
            p99.add(new SvgChart.Series(run.name(), color, i > 0, ChartData.points(buckets, ChartData.Bucket::p99)));
            distribution.add(new SvgChart.Series(run.name(), color, i > 0,
                    ChartData.percentileCurve(run.result().overall(), StepResult.LATENCY)));
        }
        String note = grouped ? " Long runs are grouped into at most " + ChartData.MAX_POINTS + " points." : "";
        HtmlReport.figure(w, "throughput", SvgChart.lines("Throughput over elapsed time", "elapsed seconds", "requests/s", throughput, shaded),
                "Requests per second, each run from its own start; grey: the baseline's ramp and warm-up, not measured." + note);
        HtmlReport.figure(w, "latency", SvgChart.lines("Latency p99 over elapsed time", "elapsed seconds", "ms", p99, shaded),
                "Each second's latency p99, each run from its own start." + note);
        sweepCharts(c, w);
        double maxX = distribution.stream().flatMap(s -> s.points().stream()).mapToDouble(p -> p[0]).max().orElse(2);
        HtmlReport.figure(w, "distribution", SvgChart.lines("Latency by percentile", ChartData.percentileAxis(maxX), "ms", distribution),
                "Each run's latency at each percentile, from the merged histogram of all its measured steps.");
    }

    /**
     * For a sweep (several steps compared), throughput and latency p99 against the step, one line per run: x is
     * the number in each step's label ({@code users=20} → 20) when every label has one, else the step's number.
     */
    private static void sweepCharts(Comparison c, Writer w) throws IOException {
        List<Comparison.StepComparison> steps = c.steps().stream().filter(s -> s.index() >= 0).toList();
        if (steps.size() < 2) {
            return;
        }
        boolean byLabel = steps.stream().allMatch(s -> loadNumber(s.label()) != null)
                && steps.stream().map(s -> loadNumber(s.label())).distinct().count() == steps.size();
        String axis = byLabel ? steps.get(0).label().replaceAll("[=:].*", "") : "step";
        List<SvgChart.Series> throughput = new ArrayList<>();
        List<SvgChart.Series> p99 = new ArrayList<>();
        for (int r = 0; r < c.runs().size(); r++) {
            List<double[]> t = new ArrayList<>();
            List<double[]> l = new ArrayList<>();
            for (Comparison.StepComparison step : steps) {
                double x = byLabel ? loadNumber(step.label()) : step.index() + 1;
                add(t, x, step, "throughput", r);
                add(l, x, step, "latency.p99", r);
            }
            throughput.add(new SvgChart.Series(c.runs().get(r).name(), SvgChart.COLORS.get(r), r > 0, t));
            p99.add(new SvgChart.Series(c.runs().get(r).name(), SvgChart.COLORS.get(r), r > 0, l));
        }
        HtmlReport.figure(w, "sweep-throughput", SvgChart.lines("Throughput by step", axis, "requests/s", throughput),
                "Each run's throughput at each step of the sweep.");
        HtmlReport.figure(w, "sweep-latency", SvgChart.lines("Latency p99 by step", axis, "ms", p99),
                "Each run's latency p99 at each step, from the step's histogram.");
    }

    private static void add(List<double[]> points, double x, Comparison.StepComparison step, String metric, int run) {
        step.metrics().stream().filter(m -> m.metric().equals(metric)).findFirst()
                .map(m -> m.values().get(run)).ifPresent(v -> points.add(new double[] {x, v}));
    }

    /** The number a step's label gives its load ({@code users=20} → 20, {@code rate=100/s} → 100), or null. */
    static Double loadNumber(String label) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^[a-z_ ]+[=:]\\s*([0-9]+(?:\\.[0-9]+)?)").matcher(label);
        return m.find() ? Double.valueOf(m.group(1)) : null;
    }

    private static void stepTable(Comparison c, Comparison.StepComparison step, Writer w) throws IOException {
        List<Comparison.ComparedRun> runs = c.runs();
        StringBuilder t = new StringBuilder("<h3>" + Html.esc(Comparison.stepName(step)) + "</h3><table><thead><tr><th>metric</th><th>"
                + Html.esc(runs.get(0).name()) + "</th>");
        for (Comparison.ComparedRun r : runs.subList(1, runs.size())) {
            t.append("<th>").append(Html.esc(r.name())).append("</th><th>Δ</th><th>Δ %</th><th>p</th><th>interval</th><th class=\"text\">verdict</th>");
        }
        t.append("</tr></thead><tbody>");
        for (Comparison.MetricRow row : step.metrics()) {
            t.append("<tr><td>").append(Html.esc(row.label())).append("</td><td>").append(Html.esc(Figures.value(row.values().get(0), row.unit())))
                    .append("</td>");
            for (int r = 1; r < runs.size(); r++) {
                Comparison.Change change = row.changes().get(r - 1);
                Significance s = change.significance();
                String css = change.verdict() == Comparison.Verdict.REGRESSION ? " class=\"bad\""
                        : change.verdict() == Comparison.Verdict.IMPROVEMENT ? " class=\"good\"" : "";
                t.append("<td>").append(Html.esc(Figures.value(row.values().get(r), row.unit()))).append("</td><td").append(css).append('>')
                        .append(Html.esc(Figures.delta(change.absolute(), row.unit()))).append("</td><td").append(css).append('>')
                        .append(Html.esc(Figures.percent(change.percent()))).append("</td><td>")
                        .append(s == null ? "-" : Html.esc(Figures.pValue(s.pValue()))).append("</td><td>")
                        .append(s == null ? "-" : Html.esc("[" + Figures.number(s.low()) + ", " + Figures.number(s.high()) + "]"))
                        .append("</td><td class=\"text").append(css.isEmpty() ? "" : css.contains("bad") ? " bad" : " good").append("\"")
                        .append(change.notTested() == null ? "" : " title=\"" + Html.esc(change.notTested()) + "\"").append('>')
                        .append(Html.esc(verdict(change.verdict()))).append("</td>");
            }
            t.append("</tr>");
        }
        w.write(t.append("</tbody></table>").toString());
        w.write("<p class=\"muted\">Values and Δ from the merged histograms; p and interval test the difference of the per-second"
                + " samples' means (the step's measured intervals).</p>");
    }

    private static String verdict(Comparison.Verdict v) {
        return switch (v) {
            case REGRESSION -> "regression";
            case IMPROVEMENT -> "improvement";
            case NO_SIGNIFICANT_CHANGE -> "no significant change";
            case NOT_TESTED -> "not tested";
            case NOT_MEASURED -> "not measured";
        };
    }

    private static void differences(Comparison c, Writer w) throws IOException {
        w.write("<h2>What differed</h2>");
        List<RunDifferences.Row> rows = new ArrayList<>(c.differences().environment());
        rows.addAll(c.differences().labels());
        StringBuilder t = new StringBuilder("<table><thead><tr><th class=\"text\"></th>");
        c.runs().forEach(r -> t.append("<th class=\"text\">").append(Html.esc(r.name())).append("</th>"));
        t.append("</tr></thead><tbody>");
        for (RunDifferences.Row row : rows) {
            t.append("<tr><td class=\"text").append(row.differs() ? " bad" : "").append("\">").append(Html.esc(row.name())).append("</td>");
            row.values().forEach(v -> t.append("<td class=\"text\">").append(v == null ? "-" : Html.esc(v)).append("</td>"));
            t.append("</tr>");
        }
        w.write(t.append("</tbody></table>").toString());
        for (RunDifferences.PlanDiff plan : c.differences().plans()) {
            w.write("<h3>Plan: " + Html.esc(plan.baseline()) + " → " + Html.esc(plan.other()) + "</h3>");
            if (plan.diff() == null) {
                w.write("<p class=\"muted\">" + Html.esc(plan.unavailable()) + ".</p>");
            } else if (plan.diff().isEmpty()) {
                w.write("<p class=\"muted\">The same plan.</p>");
            } else {
                StringBuilder pre = new StringBuilder("<pre class=\"diff\">");
                plan.diff().lines().forEach(line -> {
                    String css = line.startsWith("+++ ") || line.startsWith("--- ") ? "file" : line.startsWith("@@") ? "hunk"
                            : line.startsWith("+") ? "add" : line.startsWith("-") ? "del" : null;
                    pre.append(css == null ? Html.esc(line) : "<span class=\"" + css + "\">" + Html.esc(line) + "</span>").append('\n');
                });
                w.write(pre.append("</pre>").toString());
            }
        }
    }
}
