package dev.benchdeck.server.system;

/** A well-formed request that does not apply to what it names (e.g. a query check of an http target): 422. */
public class UnprocessableException extends RuntimeException {

    public UnprocessableException(String message) {
        super(message);
    }
}
