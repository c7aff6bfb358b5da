package dev.benchdeck.report;

import static dev.benchdeck.report.TestRuns.intervals;
import static dev.benchdeck.report.TestRuns.spread;
import static dev.benchdeck.report.TestRuns.step;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchdeck.engine.record.IntervalSnapshot;
import dev.benchdeck.engine.result.ResultJson;
import dev.benchdeck.engine.result.RunResult;
import dev.benchdeck.engine.result.RunStatus;
import dev.benchdeck.engine.result.StepResult;
import dev.benchdeck.engine.result.ThresholdVerdict;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ReportFormatsTest {

    private static final String TRICKY = "users=2, \"warm\"";
    /** A reference to something outside the file: a link, a source, a stylesheet import or a CSS url(). */
    private static final Pattern OUTSIDE = Pattern.compile("(?i)(src|href|xlink:href|action)\\s*=\\s*[\"']?\\s*(https?:)?//"
            + "|url\\(\\s*[\"']?\\s*(https?:)?//|@import|<script|<link|<img|<iframe");

    static ReportRun run() {
        StepResult first = step(0, TRICKY, 10, 1, spread(100, 1, 100));
        StepResult second = step(1, "users=4", 10, 0, spread(100, 2, 200));
        List<IntervalSnapshot> iv = new ArrayList<>(intervals(0, TRICKY, 0, ComparisonTest.constant(10, 10), ComparisonTest.constant(10, 99)));
        iv.addAll(intervals(1, "users=4", 10, ComparisonTest.constant(10, 10), ComparisonTest.constant(10, 198)));
        RunResult r = TestRuns.run("checkout <api>", List.of(first, second), iv);
        List<ThresholdVerdict> verdicts = List.of(new ThresholdVerdict("p99 < 150ms", "overall", 198.0, "ms", false),
                new ThresholdVerdict("error_rate < 1%", "overall", 0.5, "%", true));
        return ReportRun.of("result.json", new RunResult(r.plan(), r.status(), null, r.startedAtMillis(), r.endedAtMillis(),
                r.environment(), r.steps(), r.overall(), verdicts, r.intervals(), r.setup())).withLabels(Map.of("branch", "main"));
    }

    static Comparison comparison() {
        ReportRun base = TestRuns.noisyRun("base.json", 1, 60, 1000, 20).withPlan("name: checkout\nusers: 4\n", "http");
        ReportRun slower = TestRuns.noisyRun("new.json", 5, 60, 1000, 30).withPlan("name: checkout\nusers: 8\n", "http");
        return Comparison.of(List.of(base, slower), ComparisonOptions.DEFAULTS);
    }

    @Test
    void theStepsCsvCarriesTheClosedModelsThinkLagAndItsSaturationFlag() throws Exception {
        StepResult plain = TestRuns.step(0, "users=50", 10, 0, spread(100, 4, 4));
        org.HdrHistogram.Histogram lag = new org.HdrHistogram.Histogram(3);
        lag.recordValueWithCount(6_000, 100);
        java.util.Map<String, dev.benchdeck.engine.result.Distribution> latencies = new java.util.HashMap<>(plain.latencies());
        latencies.put(StepResult.THINK_LAG, dev.benchdeck.engine.result.Distribution.of(lag));
        StepResult late = new StepResult(0, "users=50", 10, 100, 100, 0, Map.of(), 0, 10, 0, latencies, List.of(), null, false, null);
        StringWriter steps = new StringWriter();
        CsvExport.steps(TestRuns.run("think", List.of(late), List.of()), steps);
        List<List<String>> rows = Rfc4180.parse(steps.toString());
        List<String> header = rows.get(0);
        assertThat(Double.parseDouble(rows.get(1).get(header.indexOf("think_lag_p99_ms")))).isBetween(5.99, 6.01);
        assertThat(rows.get(1).get(header.indexOf("schedule_lag_p99_ms"))).isEmpty();
        assertThat(rows.get(1).get(header.indexOf("generator_saturated"))).isEqualTo("true");
    }

    @Test
    void csvOfStepsIntervalsAndComparisonParsesBack() throws Exception {
        StringWriter steps = new StringWriter();
        CsvExport.steps(run().result(), steps);
        assertThat(steps.toString()).contains("\r\n").contains("\"users=2, \"\"warm\"\"\"");
        List<List<String>> rows = Rfc4180.parse(steps.toString());
        assertThat(rows).hasSize(4); // header, two steps, all
        assertThat(rows.get(1).get(1)).isEqualTo(TRICKY);
        assertThat(rows.get(3).get(0)).isEqualTo("all");
        assertThat(rows).allSatisfy(row -> assertThat(row).hasSameSizeAs(rows.get(0)));
        int p99 = rows.get(0).indexOf("latency_p99_ms");
        // the 198th of the 200 values 1..100 and 2, 4 … 200 is 196 (from the merged histogram, 3 significant digits)
        assertThat(Double.parseDouble(rows.get(3).get(p99))).isBetween(195.9, 196.3);

        StringWriter intervals = new StringWriter();
        CsvExport.intervals(run().result(), intervals);
        List<List<String>> iv = Rfc4180.parse(intervals.toString());
        assertThat(iv).hasSize(21);
        assertThat(iv.get(1).get(2)).isEqualTo(TRICKY);

        StringWriter compared = new StringWriter();
        CsvExport.comparison(comparison(), compared);
        List<List<String>> cmp = Rfc4180.parse(compared.toString());
        List<String> header = cmp.get(0);
        List<String> p99Row = cmp.stream().filter(r -> r.get(header.indexOf("metric")).equals("latency.p99")
                && r.get(header.indexOf("run")).equals("new.json")).findFirst().orElseThrow();
        assertThat(p99Row.get(header.indexOf("verdict"))).isEqualTo("regression");
        assertThat(p99Row.get(header.indexOf("method"))).isEqualTo(BlockBootstrap.METHOD);
        assertThat(Double.parseDouble(p99Row.get(header.indexOf("percent")))).isBetween(40.0, 60.0);
        assertThat(Double.parseDouble(p99Row.get(header.indexOf("p_value")))).isLessThan(0.01);
        assertThat(cmp).filteredOn(r -> r.get(header.indexOf("run")).equals("base.json")).isNotEmpty()
                .allMatch(r -> r.get(header.indexOf("verdict")).equals("baseline"));
    }

    @Test
    void junitXmlParses() throws Exception {
        StringWriter xml = new StringWriter();
        JUnitXml.run(run(), xml);
        Document doc = parse(xml.toString());
        Element suite = doc.getDocumentElement();
        assertThat(suite.getAttribute("tests")).isEqualTo("3");
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        assertThat(suite.getAttribute("name")).isEqualTo("benchdeck checkout <api>");
        NodeList failures = doc.getElementsByTagName("failure");
        assertThat(((Element) failures.item(0)).getAttribute("message")).isEqualTo("actual 198 ms");

        StringWriter partial = new StringWriter();
        ReportRun running = new ReportRun("r.json", run().result(), "running", null, null, Map.of());
        JUnitXml.run(running, partial);
        assertThat(((Element) parse(partial.toString()).getElementsByTagName("failure").item(0)).getAttribute("message"))
                .contains("still going");

        StringWriter cmp = new StringWriter();
        JUnitXml.comparison(comparison(), cmp);
        Document c = parse(cmp.toString());
        assertThat(Integer.parseInt(c.getDocumentElement().getAttribute("failures"))).isPositive();
        assertThat(((Element) c.getElementsByTagName("failure").item(0)).getAttribute("message")).contains("p ").contains("interval");
    }

    @Test
    void htmlIsSelfContainedWithChartsAndAPrintStylesheet() throws Exception {
        for (String html : List.of(html(run()), html(comparison()))) {
            assertThat(html).startsWith("<!DOCTYPE html>").contains("@media print").contains("</html>");
            assertThat(OUTSIDE.matcher(html).find()).as("a reference to outside the file").isFalse();
            assertThat(html).doesNotContain("http://").doesNotContain("https://");
            assertThat(html.split("<svg ", -1)).hasSize(4); // three charts
            assertThat(html).contains("<polyline").doesNotContain("NaN").doesNotContain("Infinity")
                    .contains("data-chart=\"throughput\"", "data-chart=\"latency\"", "data-chart=\"distribution\"", "id=\"details\"");
            assertThat(html.indexOf("Summary")).isLessThan(html.indexOf("class=\"details\""));
        }
        String run = html(run());
        assertThat(run).contains("checkout &lt;api&gt;").contains("1 of 2 thresholds failed").contains("branch=main")
                .contains("Latency by percentile");
        String cmp = html(comparison());
        assertThat(cmp).contains("significant regression").contains("<span class=\"add\">+users: 8</span>")
                .contains(BlockBootstrap.METHOD);
        ReportRun running = new ReportRun("r.json", run().result(), "running", null, null, Map.of());
        assertThat(html(running)).contains("Partial.").contains("still going");
    }

    @Test
    void aSweepsComparisonDrawsEachRunAgainstTheLoad() throws Exception {
        Comparison sweep = Comparison.of(List.of(ComparisonTest.sweep("a.json", 1), ComparisonTest.sweep("b.json", 1.2)),
                ComparisonOptions.DEFAULTS);
        String html = html(sweep);
        assertThat(html).contains("data-chart=\"sweep-throughput\"", "data-chart=\"sweep-latency\"");
        assertThat(html.split("<svg ", -1)).hasSize(6);
        assertThat(ComparisonHtml.loadNumber("users=20")).isEqualTo(20.0);
        assertThat(ComparisonHtml.loadNumber("rate=100.5/s")).isEqualTo(100.5);
        assertThat(ComparisonHtml.loadNumber("checkout")).isNull();
    }

    @Test
    void anHourLongRunsReportStaysUnderTwoMegabytes() throws Exception {
        int seconds = 3600;
        double[] rates = TestRuns.ar1(3, seconds, 2000, 100, 0.6);
        double[] p99 = TestRuns.ar1(4, seconds, 40, 4, 0.6);
        StepResult step = step(0, "rate=2000/s", seconds, 0, spread(5000, 0.5, 80));
        ReportRun hour = ReportRun.of("hour.json", TestRuns.run("hour", List.of(step), intervals(0, "rate=2000/s", 0, rates, p99)));
        String html = html(hour);
        assertThat(html.getBytes(StandardCharsets.UTF_8).length).isLessThan(2_000_000);
        assertThat(html).contains("Grouped to at most 600 rows");
        // the size is the question here, not the statistics: few resamples keep the test quick
        String five = html(Comparison.of(List.of(hour, hour, hour, hour, hour), new ComparisonOptions(0.99, 100, 14)));
        assertThat(five.getBytes(StandardCharsets.UTF_8).length).isLessThan(2_000_000);
    }

    @Test
    void markdownHasTheVerdictFirstAndTables() throws Exception {
        StringWriter md = new StringWriter();
        MarkdownSummary.comparison(comparison(), md);
        List<String> lines = md.toString().lines().toList();
        assertThat(lines.get(0)).isEqualTo("### Benchdeck comparison: `base.json` → `new.json`");
        assertThat(lines.get(2)).startsWith("**").contains("significant regression");
        assertThat(lines).contains("| metric | base.json | new.json | Δ | |", "|---|---:|---:|---:|---|")
                .anyMatch(l -> l.startsWith("| latency p99 |") && l.endsWith("| ❌ |"))
                .contains("```diff", "-users: 4", "+users: 8");
        List<String> table = lines.stream().filter(l -> l.startsWith("| latency")).toList();
        assertThat(table).allMatch(l -> l.split("(?<!\\\\)\\|", -1).length == 7);

        StringWriter single = new StringWriter();
        MarkdownSummary.run(run(), single);
        assertThat(single.toString()).contains("**1 of 2 thresholds failed.**")
                .contains("| 1 | users=2, \"warm\" |").contains("| `p99 < 150ms` | overall | 198 ms | ❌ fail |");
    }

    @Test
    void jsonOfAComparisonLeavesTheInputsOut() throws Exception {
        StringWriter json = new StringWriter();
        JsonReport.comparison(comparison(), json);
        JsonNode tree = ResultJson.mapper().readTree(json.toString());
        assertThat(tree.has("inputs")).isFalse();
        assertThat(tree.at("/runs/1/name").asText()).isEqualTo("new.json");
        assertThat(tree.at("/options/confidence").asDouble()).isEqualTo(0.99);
        assertThat(tree.at("/steps/0/metrics/0/metric").asText()).isEqualTo("requests");
        assertThat(tree.at("/differences/plans/0/diff").asText()).contains("+users: 8");

        StringWriter one = new StringWriter();
        JsonReport.run(run(), one);
        assertThat(ResultJson.read(one.toString()).steps()).hasSize(2);
    }

    @Test
    void resultFilesAreReadTolerantly() throws Exception {
        JsonNode tree = ResultJson.mapper().readTree(ResultJson.write(run().result()));
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree).put("status", "running").put("plan_yaml", "name: x\n")
                .put("driver", "http").put("from_the_future", 1).putObject("labels").put("commit", "abc123");
        ReportRun read = ResultFiles.read("r.json", new ByteArrayInputStream(tree.toString().getBytes(StandardCharsets.UTF_8)));
        assertThat(read.state()).isEqualTo("running");
        assertThat(read.partial()).isTrue();
        assertThat(read.planText()).isEqualTo("name: x\n");
        assertThat(read.driver()).isEqualTo("http");
        assertThat(read.labels()).containsEntry("commit", "abc123");
        assertThat(read.result().steps()).hasSize(2);

        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> ResultFiles.read("bad.json",
                new ByteArrayInputStream("{\n \"steps\": [".getBytes(StandardCharsets.UTF_8)))))
                .isInstanceOf(ReportInputException.class).hasMessageStartingWith("bad.json: not JSON (line 2");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> ResultFiles.read("plan.json",
                new ByteArrayInputStream("{\"name\": \"x\"}".getBytes(StandardCharsets.UTF_8)))))
                .hasMessageContaining("plan.json: not a Benchdeck result (no \"steps\" list)");
        assertThat(ReportRun.of("x", TestRuns.run("x", RunStatus.COMPLETED, List.of(), List.of())).partial()).isFalse();
    }

    @Test
    void aRunThatFailedBeforeAnyStepStillMakesEveryReport() throws Exception {
        RunResult failed = new RunResult("unreachable", RunStatus.FAILED, "connection refused: 127.0.0.1:9", 0, 0, null, List.of(),
                null, List.of(), List.of(), List.of());
        ReportRun run = ReportRun.of("failed.json", failed);
        assertThat(html(run)).contains("connection refused").contains("No step was measured").doesNotContain("NaN");
        StringWriter md = new StringWriter();
        MarkdownSummary.run(run, md);
        assertThat(md.toString()).contains("— failed").contains("**Failure:** connection refused");
        StringWriter xml = new StringWriter();
        JUnitXml.run(run, xml);
        assertThat(parse(xml.toString()).getDocumentElement().getAttribute("failures")).isEqualTo("1");
        StringWriter csv = new StringWriter();
        CsvExport.steps(failed, csv);
        assertThat(Rfc4180.parse(csv.toString())).hasSize(1);
    }

    private static String html(ReportRun run) throws Exception {
        StringWriter w = new StringWriter();
        HtmlReport.run(run, w);
        return w.toString();
    }

    private static String html(Comparison c) throws Exception {
        StringWriter w = new StringWriter();
        HtmlReport.comparison(c, w);
        return w.toString();
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
