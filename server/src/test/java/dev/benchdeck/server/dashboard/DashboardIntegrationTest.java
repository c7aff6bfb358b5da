package dev.benchdeck.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchdeck.server.IntegrationTestSupport;
import org.junit.jupiter.api.Test;

class DashboardIntegrationTest extends IntegrationTestSupport {

    @Test
    void servesTheDashboardAtTheRootAndOnItsOwnRoutes() {
        for (String path : new String[] {"/", "/runs", "/runs/42", "/scenarios/new", "/targets"}) {
            Response response = get(path);
            assertThat(response.status()).as(path).isEqualTo(200);
            assertThat(response.contentType()).as(path).startsWith("text/html");
            assertThat(response.body()).as(path).contains("<div id=\"root\">");
        }
    }

    @Test
    void unknownApiPathsStayProblemDetails() {
        Response response = get("/api/v1/nothing-here");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }
}
