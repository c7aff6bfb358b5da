package dev.benchdeck.report;

/** Runs that cannot be compared figure by figure; the message says what can and cannot be compared. */
public final class IncomparableRunsException extends ReportInputException {

    public IncomparableRunsException(String message) {
        super(message);
    }
}
