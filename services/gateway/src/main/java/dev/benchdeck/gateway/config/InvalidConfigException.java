package dev.benchdeck.gateway.config;

import java.util.List;
import java.util.stream.Collectors;

/** A config (file, flags or PUT body) with every problem found in it. */
public final class InvalidConfigException extends Exception {

    private final transient List<FieldProblem> problems;

    public InvalidConfigException(List<FieldProblem> problems) {
        super(problems.stream().map(p -> p.path() + ": " + p.message()).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
