package dev.benchdeck.server.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchdeck.engine.result.Distribution;
import dev.benchdeck.engine.result.ResultJson;
import dev.benchdeck.engine.result.RunResult;
import dev.benchdeck.engine.result.RunStatus;
import dev.benchdeck.engine.result.StepResult;
import dev.benchdeck.server.IntegrationTestSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** The runs list's pages: by number from either end, and by cursor, give the same runs in the same order. */
class RunsListIntegrationTest extends IntegrationTestSupport {

    private static final long T0 = 1_790_000_000_000L;

    /** Seven runs of one new scenario; the 4th and 5th were queued at the same instant (the id breaks the tie). */
    private long scenarioWithSevenRuns() {
        String name = "runs-list-" + System.nanoTime();
        long[] minutes = {0, 1, 2, 3, 3, 4, 5};
        Long scenario = null;
        for (long minute : minutes) {
            Histogram h = new Histogram(3);
            h.recordValue(1_000);
            StepResult step = new StepResult(0, "users=1", 1, 1, 1, 0, Map.of(), 0, 1, 0,
                    Map.of(StepResult.LATENCY, Distribution.of(h)), List.of(), null, false, null);
            long start = T0 + minute * 60_000L;
            String result = ResultJson.write(new RunResult(name, RunStatus.COMPLETED, null, start, start + 1000, null,
                    List.of(step), step, List.of(), List.of(), List.of(), Map.of()));
            Response created = post("/api/v1/runs/import", "{\"result\": " + result
                    + (scenario == null ? ", \"scenario\": \"" + name + "\"" : ", \"scenario_id\": " + scenario) + "}");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            scenario = created.json().get("scenario_id").asLong();
        }
        return scenario;
    }

    private static List<Long> ids(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }

    @Test
    void pagesByNumberAndByCursorAgree() {
        long scenario = scenarioWithSevenRuns();
        String base = "/api/v1/runs?scenario_id=" + scenario + "&size=3";
        List<Long> all = ids(get("/api/v1/runs?scenario_id=" + scenario + "&size=50").json());
        assertThat(all).hasSize(7);

        // by number: page 0 from the newest end, pages 1 and 2 from the oldest end
        List<Long> byNumber = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            JsonNode body = get(base + "&page=" + page).json();
            assertThat(body.get("page").asInt()).isEqualTo(page);
            assertThat(body.get("total").asLong()).isEqualTo(7);
            assertThat(body.get("next_cursor").isNull()).isEqualTo(page == 2);
            byNumber.addAll(ids(body));
        }
        assertThat(byNumber).isEqualTo(all);
        assertThat(ids(get(base + "&page=3").json())).isEmpty();

        // by cursor, through the tie at minute 3
        List<Long> byCursor = new ArrayList<>();
        JsonNode body = get(base).json();
        byCursor.addAll(ids(body));
        int pages = 1;
        while (!body.get("next_cursor").isNull()) {
            body = get(base + "&after=" + body.get("next_cursor").asText()).json();
            assertThat(body.get("page").isNull()).isTrue();
            byCursor.addAll(ids(body));
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(byCursor).isEqualTo(all);
    }

    @Test
    void aCursorNoPageGaveOrBesideAPageNumberIs400WithItsPath() {
        for (String query : List.of("after=12", "after=1_2_3", "after=%D9%A1_1", "after=1_1&page=0")) {
            Response response = get("/api/v1/runs?" + query);
            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().at("/errors/0/path").asText()).as(query).isEqualTo("after");
        }
    }
}
