package dev.benchdeck.server.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchdeck.engine.result.Distribution;
import dev.benchdeck.engine.result.ResultJson;
import dev.benchdeck.engine.result.RunResult;
import dev.benchdeck.engine.result.RunStatus;
import dev.benchdeck.engine.result.StepResult;
import dev.benchdeck.server.IntegrationTestSupport;
import dev.benchdeck.server.system.Json;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/**
 * Reports and comparisons of stored runs through the API: uploaded runs with known latencies, so that the compared
 * figures are exact; every download format; the plan diff; runs that cannot be compared; a run still going; bad input.
 */
class ReportIntegrationTest extends IntegrationTestSupport {

    private static final String HTTP_PLAN = "name: %s\ntarget: {url: 'http://127.0.0.1:9'}\nworkload: {driver: http, path: /hello}\n"
            + "load: {users: 2, duration: 1s}\n";

    /** One completed step of 100 requests in 1 s: 50 at {@code low} ms and 50 at {@code high} ms. */
    private static String result(String plan, long low, long high, long startMillis) {
        Histogram h = new Histogram(3);
        for (int i = 0; i < 50; i++) {
            h.recordValue(low * 1000);
            h.recordValue(high * 1000);
        }
        StepResult step = new StepResult(0, "users=2", 1, 100, 100, 0, Map.of(), 0, 100, 0,
                Map.of(StepResult.LATENCY, Distribution.of(h)), List.of(), null, false, null);
        return ResultJson.write(new RunResult(plan, RunStatus.COMPLETED, null, startMillis, startMillis + 1000, null, List.of(step), step,
                List.of(), List.of(), List.of(), Map.of()));
    }

    private long upload(String resultJson, String planYaml, Long scenarioId) {
        String body = "{\"result\": " + resultJson + ", \"plan_yaml\": " + Json.write(planYaml)
                + (scenarioId == null ? "" : ", \"scenario_id\": " + scenarioId) + "}";
        Response stored = send(HttpRequest.newBuilder(uri("/api/v1/runs/import")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
        return stored.json().get("id").asLong();
    }

    @Test
    void twoStoredRunsCompareFigureByFigureWithThePlanDiffAndDownloadInEveryFormat() throws Exception {
        String name = "report compare " + System.nanoTime();
        long base = upload(result(name, 10, 30, 1_780_000_000_000L), HTTP_PLAN.formatted(name), null);
        long scenario = get("/api/v1/runs/" + base).json().get("scenario_id").asLong();
        String changedPlan = HTTP_PLAN.formatted(name).replace("duration: 1s", "duration: 2s");
        long next = upload(result(name, 20, 60, 1_780_000_100_000L), changedPlan, scenario);

        Response compared = get("/api/v1/comparisons?runs=" + base + "," + next);
        assertThat(compared.status()).as(compared.body()).isEqualTo(200);
        JsonNode c = compared.json();
        assertThat(c.at("/runs/0/name").asText()).isEqualTo("run " + base);
        assertThat(c.at("/runs/1/name").asText()).isEqualTo("run " + next);
        JsonNode rows = c.at("/steps/0/metrics");
        JsonNode p50 = row(rows, "latency.p50");
        // from the histograms: the median of 50 × 10 ms and 50 × 30 ms is 10 ms (HdrHistogram's equivalent value)
        assertThat(p50.at("/values/0").asDouble()).isBetween(9.99, 10.02);
        assertThat(p50.at("/values/1").asDouble()).isBetween(19.98, 20.03);
        assertThat(p50.at("/changes/0/percent").asDouble()).isBetween(99.0, 101.0);
        JsonNode max = row(rows, "latency.max");
        assertThat(max.at("/values/1").asDouble()).isBetween(59.9, 60.1);
        assertThat(c.at("/differences").toString()).contains("duration: 2s");

        Response html = get("/api/v1/comparisons/report?runs=" + base + "," + next);
        assertThat(html.status()).isEqualTo(200);
        assertThat(html.contentType()).startsWith("text/html");
        assertThat(html.body()).startsWith("<!DOCTYPE html>").contains("run " + base).contains("@media print").contains("<svg ");
        Response md = get("/api/v1/comparisons/report?runs=" + base + "," + next + "&format=md");
        assertThat(md.contentType()).startsWith("text/markdown");
        assertThat(md.body()).contains("run " + next).contains("|");
        Response csv = get("/api/v1/comparisons/report?runs=" + base + "," + next + "&format=csv");
        assertThat(csv.body().lines().findFirst().orElseThrow()).contains(",");
        assertThat(csv.body().lines().count()).isGreaterThan(5);
        Document junit = xml(get("/api/v1/comparisons/report?runs=" + base + "," + next + "&format=junit").body());
        // uploads without intervals: nothing to test for significance, so a suite without cases, named by its runs
        assertThat(junit.getDocumentElement().getAttribute("name")).isEqualTo("benchdeck compare run " + base + " vs run " + next);

        Response runHtml = get("/api/v1/runs/" + next + "/report");
        assertThat(runHtml.status()).isEqualTo(200);
        assertThat(runHtml.body()).startsWith("<!DOCTYPE html>").contains(name).doesNotContain("Partial");
        Response runCsv = get("/api/v1/runs/" + next + "/report?format=csv");
        assertThat(runCsv.contentType()).startsWith("text/csv");
        assertThat(runCsv.body().lines().toList()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(runCsv.body().lines().findFirst().orElseThrow()).contains("latency_p50_ms");
        Response runJson = get("/api/v1/runs/" + next + "/report?format=json");
        assertThat(runJson.json().at("/steps/0/requests").asLong()).isEqualTo(100);
        assertThat(xml(get("/api/v1/runs/" + next + "/report?format=junit").body()).getElementsByTagName("testsuite").getLength()).isPositive();
        assertThat(get("/api/v1/runs/" + next + "/report?format=intervals-csv").status()).isEqualTo(200);
    }

    @Test
    void runsOfDifferentWorkloadsAreRefusedWithWhatCanBeCompared() {
        String name = "report incomparable " + System.nanoTime();
        long http = upload(result(name, 10, 30, 1_780_000_000_000L), HTTP_PLAN.formatted(name), null);
        String jdbcPlan = "name: " + name + " db\ntarget: {host: 127.0.0.1, port: 5432, database: postgres, user: postgres}\n"
                + "workload: {driver: jdbc, operation: point_select}\nload: {users: 2, duration: 1s}\n";
        long jdbc = upload(result(name + " db", 10, 30, 1_780_000_000_000L), jdbcPlan, null);

        Response refused = get("/api/v1/comparisons?runs=" + http + "," + jdbc);
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asText()).contains("cannot compare run " + http + " with run " + jdbc)
                .contains("http driver").contains("jdbc driver").contains("Comparable are");
        assertThat(get("/api/v1/comparisons/report?runs=" + http + "," + jdbc).status()).isEqualTo(422);
    }

    @Test
    void aRunStillGoingReportsItsFiguresSoFarMarkedPartial() {
        long scenario = createScenario("report partial " + System.nanoTime(), """
                workload: {driver: http, path: /hello}
                load: {steps: [{users: 1, duration: 1s}, {users: 1, duration: 20s}]}
                """);
        long run = trigger(scenario);
        try {
            awaitRun(run, r -> r.get("steps").size() >= 1, Duration.ofSeconds(20));
            Response md = get("/api/v1/runs/" + run + "/report?format=md");
            assertThat(md.status()).as(md.body()).isEqualTo(200);
            assertThat(md.body()).contains("**Partial:** the run is still going: these are the figures so far");
            Response html = get("/api/v1/runs/" + run + "/report");
            assertThat(html.body()).contains("the run is still going");
            assertThat(get("/api/v1/runs/" + run + "/report?format=json").json().at("/steps/0/requests").asLong()).isPositive();
        } finally {
            post("/api/v1/runs/" + run + "/cancel", null);
            awaitRun(run, r -> !r.get("status").asText().matches("queued|running"), Duration.ofSeconds(20));
        }
    }

    @Test
    void badRequestsSayWhichParameterAndWhy() {
        assertProblem(get("/api/v1/comparisons"), 400, "runs", "missing");
        assertProblem(get("/api/v1/comparisons?runs=7"), 400, "runs", "1 run given");
        assertProblem(get("/api/v1/comparisons?runs=1,2,3,4,5,6"), 400, "runs", "6 runs given");
        assertProblem(get("/api/v1/comparisons?runs=1,0x2"), 400, "runs[1]", "must be a run id");
        assertProblem(get("/api/v1/comparisons?runs=3,3"), 400, "runs[1]", "named twice");
        assertProblem(get("/api/v1/comparisons?runs=1,2&confidence=1.5"), 400, "confidence", "between 0 and 1");
        assertProblem(get("/api/v1/comparisons?runs=1,2&confidence=0.0"), 400, "confidence", "between 0 and 1");
        assertProblem(get("/api/v1/comparisons/report?runs=1,2&format=pdf"), 400, "format", "must be one of html");
        assertThat(get("/api/v1/comparisons?runs=999999998,999999999").status()).isEqualTo(404);
        assertThat(get("/api/v1/runs/999999999/report").status()).isEqualTo(404);
        assertProblem(get("/api/v1/runs/1/report?format=docx"), 400, "format", "intervals-csv");
    }

    private static void assertProblem(Response response, int status, String path, String message) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        JsonNode errors = response.json().get("errors");
        assertThat(errors).as(response.body()).anySatisfy(e -> {
            assertThat(e.get("path").asText()).isEqualTo(path);
            assertThat(e.get("message").asText()).contains(message);
        });
    }

    private static JsonNode row(JsonNode rows, String metric) {
        for (JsonNode row : rows) {
            if (row.get("metric").asText().equals(metric)) {
                return row;
            }
        }
        throw new AssertionError("no row " + metric + " in " + rows);
    }

    private static Document xml(String text) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(text)));
    }
}
