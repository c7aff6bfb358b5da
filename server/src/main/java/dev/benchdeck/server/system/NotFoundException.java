package dev.benchdeck.server.system;

/** An id that names nothing: answered with 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, long id) {
        super(what + " " + id + " does not exist");
    }

    public NotFoundException(String message) {
        super(message);
    }
}
