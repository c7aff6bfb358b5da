package dev.benchdeck.driver.http.openapi;

import dev.benchdeck.engine.plan.Problem;
import java.util.List;

/** The input is not an OpenAPI 3 document this importer can read; every problem has its path in the document. */
public final class InvalidOpenApiException extends Exception {

    private final List<Problem> problems;

    public InvalidOpenApiException(List<Problem> problems) {
        super(problems.get(0).path() + ": " + problems.get(0).message());
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
