package dev.benchdeck.server.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

class ApiProblemsTest {

    @Test
    void javaFieldPathsBecomeTheJsonNamesClientsWrote() {
        assertThat(ApiProblems.snakeCase("targetId")).isEqualTo("target_id");
        assertThat(ApiProblems.snakeCase("credentials.headers[X-Api-Key]")).isEqualTo("credentials.headers[X-Api-Key]");
        assertThat(ApiProblems.snakeCase("planYaml")).isEqualTo("plan_yaml");
    }

    @Test
    void jacksonsHintsAboutItsOwnSettingsAreDropped() {
        assertThat(ApiProblems.withoutJavaTypes("Non-standard token 'NaN': enable `JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS` to allow"))
                .isEqualTo("Non-standard token 'NaN'");
    }

    @Test
    void problemsCarryTheirFieldErrors() {
        var response = ApiProblems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid plan", "1 problem",
                List.of(new FieldProblem("load.steps[1].rate", "must be > 0")));
        ProblemDetail body = (ProblemDetail) response.getBody();
        assertThat(response.getStatusCode().value()).isEqualTo(422);
        assertThat(body.getType().toString()).endsWith("/invalid-plan");
        assertThat(body.getProperties()).containsEntry("errors", List.of(new FieldProblem("load.steps[1].rate", "must be > 0")));
    }
}
