package dev.benchdeck.engine.driver;

/** A driver could not be opened (e.g. the target is unreachable); the run fails before any load. */
public class DriverException extends Exception {

    private final String errorClass;

    public DriverException(String errorClass, String message) {
        super(message);
        this.errorClass = errorClass;
    }

    public DriverException(String errorClass, String message, Throwable cause) {
        super(message, cause);
        this.errorClass = errorClass;
    }

    public String errorClass() {
        return errorClass;
    }
}
