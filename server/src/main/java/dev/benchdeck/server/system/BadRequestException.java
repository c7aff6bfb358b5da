package dev.benchdeck.server.system;

import java.util.List;

/** A request with invalid fields found by a service rather than by bean validation: 400 with the fields. */
public class BadRequestException extends RuntimeException {

    private final List<FieldProblem> errors;

    public BadRequestException(String message, List<FieldProblem> errors) {
        super(message);
        this.errors = List.copyOf(errors);
    }

    public List<FieldProblem> errors() {
        return errors;
    }
}
