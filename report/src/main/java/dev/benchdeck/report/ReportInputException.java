package dev.benchdeck.report;

/** Input a report or comparison cannot be made from; the message says what is wrong and what would do. */
public class ReportInputException extends RuntimeException {

    public ReportInputException(String message) {
        super(message);
    }

    public ReportInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
