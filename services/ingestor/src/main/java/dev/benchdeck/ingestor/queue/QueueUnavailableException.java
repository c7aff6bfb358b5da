package dev.benchdeck.ingestor.queue;

/** The queue cannot be reached or refused the operation; the message says why in one line. */
public final class QueueUnavailableException extends Exception {

    public QueueUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
