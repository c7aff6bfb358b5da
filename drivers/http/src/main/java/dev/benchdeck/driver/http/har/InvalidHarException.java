package dev.benchdeck.driver.http.har;

import dev.benchdeck.engine.plan.Problem;
import java.util.List;

/** The input is not a HAR this importer can read; every problem has its path in the file. */
public final class InvalidHarException extends Exception {

    private final List<Problem> problems;

    public InvalidHarException(List<Problem> problems) {
        super(problems.stream().map(p -> (p.path().isEmpty() ? "" : p.path() + ": ") + p.message())
                .reduce((a, b) -> a + "\n" + b).orElse("not a HAR file"));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
