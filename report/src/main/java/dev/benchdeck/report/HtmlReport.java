package dev.benchdeck.report;

import dev.benchdeck.engine.record.LatencySummary;
import dev.benchdeck.engine.result.Distribution;
import dev.benchdeck.engine.result.ErrorSample;
import dev.benchdeck.engine.result.RunResult;
import dev.benchdeck.engine.result.StepResult;
import dev.benchdeck.engine.result.ThresholdVerdict;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A self-contained HTML report of one run: one file that opens offline (no scripts, fonts or images from
 * anywhere; the charts are inline SVG drawn by {@link SvgChart}), the summary first (verdict, key figures,
 * a row per step, throughput and latency over time, the percentile distribution on a log axis) and the
 * details after, with a print stylesheet for clean PDF pages. Intervals beyond {@value ChartData#MAX_POINTS}
 * are grouped ({@link ChartData}) so that even an hour-long run stays well under 2 MB.
 */
public final class HtmlReport {

    static final List<String> SUMMARY_METRICS = List.of("requests", "throughput", "error_rate", "latency.p50", "latency.p95",
            "latency.p99", "latency.max");

    private HtmlReport() {
    }

    public static void run(ReportRun run, Writer w) throws IOException {
        RunResult result = run.result();
        w.write(Html.head("Benchdeck report: " + result.plan()));
        w.write("<header><h1>" + Html.esc(result.plan()) + "</h1><p class=\"meta\">" + Html.esc(run.name()) + " · "
                + Html.esc(run.state().replace('_', ' ')) + " · started " + time(result.startedAtMillis()) + " · "
                + seconds(result.endedAtMillis() - result.startedAtMillis()) + " s" + labels(run.labels()) + "</p></header>\n");
        banners(run, w);
        w.write("<section class=\"summary\" id=\"summary\"><h2>Summary</h2>");
        StepResult overall = result.overall();
        if (overall != null) {
            w.write("<div class=\"cards\">");
            for (String key : SUMMARY_METRICS) {
                Metric m = metric(key);
                w.write("<div class=\"card\"><b>" + Html.esc(Figures.value(m.of(overall), m.unit())) + "</b><span>"
                        + Html.esc(m.label()) + "</span></div>");
            }
            w.write("</div>");
        }
        stepsTable(result, w);
        w.write("</section>\n<section class=\"charts\" id=\"charts\"><h2>Over time</h2>");
        List<ChartData.Bucket> buckets = ChartData.buckets(result.intervals(), ChartData.MAX_POINTS);
        List<double[]> unmeasured = ChartData.unmeasured(buckets);
        figure(w, "throughput", SvgChart.lines("Throughput over time", "elapsed seconds", "requests/s", List.of(
                new SvgChart.Series("throughput", SvgChart.COLORS.get(0), false, ChartData.points(buckets, ChartData.Bucket::throughput))),
                unmeasured), "Requests completed per second" + grouped(buckets, result) + "; grey: ramp and warm-up, not measured.");
        figure(w, "latency", SvgChart.lines("Latency over time", "elapsed seconds", "ms", List.of(
                new SvgChart.Series("p50", SvgChart.COLORS.get(0), false, ChartData.points(buckets, ChartData.Bucket::p50)),
                new SvgChart.Series("p99", SvgChart.COLORS.get(1), true, ChartData.points(buckets, ChartData.Bucket::p99))), unmeasured),
                "Latency percentiles of each second's requests" + grouped(buckets, result) + ".");
        distributionChart(w, result);
        w.write("</section>\n<section class=\"details\" id=\"details\"><h2>Details</h2>");
        verdicts(result, w);
        distributions(result, w);
        errors(overall, w);
        environment(result, w);
        intervalTable(buckets, w);
        w.write("</section>\n");
        w.write(Html.FOOT);
        w.flush();
    }

    /** The comparison report; see {@link ComparisonHtml}. */
    public static void comparison(Comparison comparison, Writer w) throws IOException {
        ComparisonHtml.render(comparison, w);
    }

    private static void banners(ReportRun run, Writer w) throws IOException {
        RunResult result = run.result();
        if (run.partial()) {
            w.write("<p class=\"banner\"><b>Partial.</b> " + Html.esc(run.partialReason()) + "</p>");
        }
        if (result.failure() != null) {
            w.write("<p class=\"banner bad\"><b>Failure:</b> " + Html.esc(result.failure()) + "</p>");
        }
        if (!result.verdicts().isEmpty()) {
            long failed = result.verdicts().stream().filter(v -> !v.passed()).count();
            w.write(failed == 0 ? "<p class=\"banner good\">All " + result.verdicts().size() + " thresholds held.</p>"
                    : "<p class=\"banner bad\"><b>" + failed + " of " + result.verdicts().size() + " thresholds failed.</b></p>");
        }
        for (StepResult step : result.steps()) {
            if (step.generatorSaturated()) {
                w.write("<p class=\"banner\">Step " + (step.index() + 1) + " " + Html.esc(step.label())
                        + ": the generator was saturated; its latency includes Benchdeck's own delay.</p>");
            }
        }
    }

    private static void stepsTable(RunResult result, Writer w) throws IOException {
        List<StepResult> rows = new ArrayList<>(result.steps());
        if (result.steps().size() > 1 && result.overall() != null) {
            rows.add(result.overall());
        }
        if (rows.isEmpty()) {
            w.write("<p class=\"muted\">No step was measured.</p>");
            return;
        }
        StringBuilder t = new StringBuilder("<table class=\"steps\"><thead><tr><th>step</th><th class=\"text\">load</th><th>seconds</th>");
        SUMMARY_METRICS.forEach(k -> t.append("<th>").append(Html.esc(metric(k).label())).append("</th>"));
        t.append("</tr></thead><tbody>");
        for (StepResult s : rows) {
            t.append("<tr><td>").append(s.index() < 0 ? "all" : String.valueOf(s.index() + 1)).append(s.partial() ? "*" : "")
                    .append("</td><td class=\"text\">").append(Html.esc(s.label())).append("</td><td>")
                    .append(String.format(Locale.ROOT, "%.1f", s.measuredSeconds())).append("</td>");
            for (String k : SUMMARY_METRICS) {
                Metric m = metric(k);
                t.append("<td>").append(Html.esc(Figures.value(m.of(s), m.unit()))).append("</td>");
            }
            t.append("</tr>");
        }
        t.append("</tbody></table>");
        if (rows.stream().anyMatch(StepResult::partial)) {
            t.append("<p class=\"muted\">* partial: the step ended before its planned duration or request count.</p>");
        }
        w.write(t.toString());
    }

    private static void distributionChart(Writer w, RunResult result) throws IOException {
        List<SvgChart.Series> series = new ArrayList<>();
        List<StepResult> steps = result.steps();
        if (steps.size() > 1 && steps.size() <= SvgChart.COLORS.size()) {
            for (StepResult s : steps) {
                series.add(new SvgChart.Series("step " + (s.index() + 1) + " " + s.label(), SvgChart.COLORS.get(s.index() % SvgChart.COLORS.size()),
                        false, ChartData.percentileCurve(s, StepResult.LATENCY)));
            }
        } else if (result.overall() != null) {
            series.add(new SvgChart.Series("latency", SvgChart.COLORS.get(0), false, ChartData.percentileCurve(result.overall(), StepResult.LATENCY)));
            series.add(new SvgChart.Series("TTFT", SvgChart.COLORS.get(1), true, ChartData.percentileCurve(result.overall(), StepResult.TTFT)));
        }
        double maxX = series.stream().flatMap(s -> s.points().stream()).mapToDouble(p -> p[0]).max().orElse(2);
        figure(w, "distribution", SvgChart.lines("Latency by percentile", ChartData.percentileAxis(maxX), "ms", series),
                "The latency at each percentile, from the merged histogram of the measured time; the right end is the maximum.");
    }

    private static void verdicts(RunResult result, Writer w) throws IOException {
        if (result.verdicts().isEmpty()) {
            return;
        }
        StringBuilder t = new StringBuilder("<h3>Thresholds</h3><table><thead><tr><th>threshold</th><th class=\"text\">scope</th>"
                + "<th>actual</th><th>verdict</th></tr></thead><tbody>");
        for (ThresholdVerdict v : result.verdicts()) {
            t.append("<tr><td><code>").append(Html.esc(v.threshold())).append("</code></td><td class=\"text\">").append(Html.esc(v.scope()))
                    .append("</td><td>").append(v.actual() == null ? "not measured" : Html.esc(Figures.withUnit(Figures.number(v.actual()), v.unit())))
                    .append("</td><td class=\"").append(v.passed() ? "good\">pass" : "bad\">fail").append("</td></tr>");
        }
        w.write(t.append("</tbody></table>").toString());
    }

    /** Every distribution of every step: min, mean, p50 … max, in ms (tokens for the token figures). */
    private static void distributions(RunResult result, Writer w) throws IOException {
        List<StepResult> rows = new ArrayList<>(result.steps());
        if (result.steps().size() > 1 && result.overall() != null) {
            rows.add(result.overall());
        }
        if (rows.isEmpty()) {
            return;
        }
        StringBuilder t = new StringBuilder("<h3>Distributions</h3><table><thead><tr><th>step</th><th class=\"text\">distribution</th>"
                + "<th>count</th><th>min</th><th>mean</th><th>p50</th><th>p90</th><th>p95</th><th>p99</th><th>p99.9</th><th>max</th>"
                + "</tr></thead><tbody>");
        for (StepResult s : rows) {
            for (Map.Entry<String, Distribution> e : new TreeMap<>(s.latencies()).entrySet()) {
                LatencySummary d = e.getValue().summary();
                String unit = StepResult.unitOf(e.getKey());
                t.append("<tr><td>").append(s.index() < 0 ? "all" : String.valueOf(s.index() + 1)).append("</td><td class=\"text\">")
                        .append(Html.esc(e.getKey())).append("</td><td>").append(String.format(Locale.ROOT, "%,d", d.count())).append("</td>");
                for (double v : new double[] {d.min(), d.mean(), d.p50(), d.p90(), d.p95(), d.p99(), d.p999(), d.max()}) {
                    t.append("<td>").append(Html.esc(Figures.value(v, unit))).append("</td>");
                }
                t.append("</tr>");
            }
            if (s.stream() != null) {
                t.append("<tr><td>").append(s.index() < 0 ? "all" : String.valueOf(s.index() + 1)).append("</td><td class=\"text\" colspan=\"10\">")
                        .append(Html.esc(String.format(Locale.ROOT, "streams %,d · output tokens %,d (%s) · %.1f tokens/s · goodput %.2f/s",
                                s.stream().streams(), s.stream().outputTokens(), s.stream().tokenSource(),
                                s.stream().outputTokensPerSecond(), s.stream().goodput()))).append("</td></tr>");
            }
            if (!s.counts().isEmpty()) {
                t.append("<tr><td>").append(s.index() < 0 ? "all" : String.valueOf(s.index() + 1)).append("</td><td class=\"text\" colspan=\"10\">")
                        .append(Html.esc(new TreeMap<>(s.counts()).toString())).append("</td></tr>");
            }
        }
        w.write(t.append("</tbody></table>").toString());
    }

    private static void errors(StepResult overall, Writer w) throws IOException {
        if (overall == null || overall.errorsByClass().isEmpty()) {
            return;
        }
        StringBuilder t = new StringBuilder("<h3>Errors</h3><table><thead><tr><th>class</th><th>count</th></tr></thead><tbody>");
        new TreeMap<>(overall.errorsByClass()).forEach((k, v) -> t.append("<tr><td>").append(Html.esc(k)).append("</td><td>")
                .append(String.format(Locale.ROOT, "%,d", v)).append("</td></tr>"));
        t.append("</tbody></table>");
        if (!overall.errorSamples().isEmpty()) {
            t.append("<table><thead><tr><th>at</th><th class=\"text\">class</th><th class=\"text\">message</th></tr></thead><tbody>");
            for (ErrorSample e : overall.errorSamples()) {
                t.append("<tr><td>").append(String.format(Locale.ROOT, "%.1f s", e.atSeconds())).append("</td><td class=\"text\">")
                        .append(Html.esc(e.errorClass())).append("</td><td class=\"text\">").append(Html.esc(e.message())).append("</td></tr>");
            }
            t.append("</tbody></table>");
        }
        w.write(t.toString());
    }

    private static void environment(RunResult result, Writer w) throws IOException {
        if (result.environment() == null) {
            return;
        }
        var e = result.environment();
        w.write("<h3>Environment</h3><table><tbody><tr><td>benchdeck</td><td class=\"text\">" + Html.esc(e.benchdeckVersion())
                + "</td></tr><tr><td>java</td><td class=\"text\">" + Html.esc(e.java()) + "</td></tr><tr><td>cpus</td><td class=\"text\">"
                + e.cpus() + "</td></tr><tr><td>os</td><td class=\"text\">" + Html.esc(e.os()) + "</td></tr></tbody></table>");
    }

    private static void intervalTable(List<ChartData.Bucket> buckets, Writer w) throws IOException {
        if (buckets.isEmpty()) {
            return;
        }
        StringBuilder t = new StringBuilder("<h3>Intervals</h3>");
        if (buckets.stream().anyMatch(b -> b.intervals() > 1)) {
            t.append("<p class=\"muted\">Grouped to at most ").append(ChartData.MAX_POINTS).append(" rows: each row's throughput is its"
                    + " requests over its seconds, its latencies the highest of its intervals'. Every interval is in the CSV.</p>");
        }
        t.append("<table><thead><tr><th>elapsed s</th><th>step</th><th class=\"text\">phase</th><th>requests</th><th>errors</th>"
                + "<th>req/s</th><th>p50</th><th>p99</th><th>max</th></tr></thead><tbody>");
        for (ChartData.Bucket b : buckets) {
            t.append("<tr><td>").append(String.format(Locale.ROOT, "%.0f", b.elapsedSeconds())).append("</td><td>").append(b.step() + 1)
                    .append("</td><td class=\"text\">").append(b.phase().name().toLowerCase(Locale.ROOT)).append("</td><td>").append(b.completed())
                    .append("</td><td>").append(b.errors()).append("</td><td>").append(String.format(Locale.ROOT, "%.1f", b.throughput()))
                    .append("</td><td>").append(Figures.ms(b.p50())).append("</td><td>").append(Figures.ms(b.p99())).append("</td><td>")
                    .append(Figures.ms(b.max())).append("</td></tr>");
        }
        w.write(t.append("</tbody></table>").toString());
    }

    /** A chart with its caption; {@code name} ({@code data-chart}) lets tests and scripts find it. */
    static void figure(Writer w, String name, String svg, String caption) throws IOException {
        w.write("<figure data-chart=\"" + name + "\">" + svg + "<figcaption>" + Html.esc(caption) + "</figcaption></figure>\n");
    }

    static String grouped(List<ChartData.Bucket> buckets, RunResult result) {
        return buckets.size() < result.intervals().size()
                ? " (intervals grouped in " + buckets.size() + " points: the highest latency, the mean throughput of each)" : "";
    }

    /** Milliseconds as seconds with one decimal. */
    static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f", Math.max(0, millis) / 1000.0);
    }

    static Metric metric(String key) {
        return Metric.ALL.stream().filter(m -> m.key().equals(key)).findFirst().orElseThrow();
    }

    static String time(long millis) {
        return millis <= 0 ? "-" : Html.esc(Instant.ofEpochMilli(millis).toString().replace('T', ' ').replaceFirst("\\.\\d+Z$", "Z"));
    }

    static String labels(Map<String, String> labels) {
        if (labels.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(" · ");
        labels.forEach((k, v) -> out.append("<code>").append(Html.esc(k)).append('=').append(Html.esc(v)).append("</code> "));
        return out.toString().trim();
    }
}
