package dev.benchdeck.server.system;

/** A request that cannot apply to the current state (e.g. cancelling a finished run): answered with 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
