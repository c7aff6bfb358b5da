package dev.benchdeck.engine.driver;

/**
 * One virtual user's connection state (a socket, a JDBC connection…). Used by one thread at a
 * time; {@link #close()} may be called from another thread to abort an operation in progress.
 */
public interface Session extends AutoCloseable {

    /**
     * Runs one operation and reports what happened. Failures of the system under test are returned
     * as {@link Outcome.Failure}, never thrown.
     */
    Outcome execute(RequestContext request) throws InterruptedException;

    @Override
    void close();
}
