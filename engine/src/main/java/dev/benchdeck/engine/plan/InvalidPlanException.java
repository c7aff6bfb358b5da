package dev.benchdeck.engine.plan;

import java.util.List;
import java.util.stream.Collectors;

/** A plan that cannot run, with every problem found in it. */
public class InvalidPlanException extends RuntimeException {

    private final List<Problem> problems;

    public InvalidPlanException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
