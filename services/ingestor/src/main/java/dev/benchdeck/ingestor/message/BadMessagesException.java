package dev.benchdeck.ingestor.message;

import java.util.List;

/** The body holds messages that cannot be accepted; every problem is listed, and none of the messages is queued. */
public final class BadMessagesException extends Exception {

    private final List<FieldProblem> problems;

    public BadMessagesException(List<FieldProblem> problems) {
        super(problems.size() + (problems.size() == 1 ? " problem" : " problems"), null, false, false);
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
