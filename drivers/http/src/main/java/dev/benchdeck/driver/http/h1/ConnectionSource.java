package dev.benchdeck.driver.http.h1;

import java.util.concurrent.TimeoutException;

/** Where a session gets the connection for each request: its own kept-alive one, or a bounded shared pool. */
sealed interface ConnectionSource permits OwnConnection, SharedConnections {

    /**
     * An open connection to reuse, or {@code null} when the caller should open one (it then holds
     * a slot of the source until {@link #give}). With {@code fresh}, never a kept-alive connection:
     * after one was found closed by the server, the others are likely closed too.
     *
     * @throws TimeoutException when no slot was free before {@code deadline}
     */
    Http1Connection take(long deadline, boolean fresh) throws InterruptedException, TimeoutException;

    /**
     * Ends a request: the connection (or {@code null} when none could be opened) is kept for the
     * next request when {@code reusable}, else closed.
     */
    void give(Http1Connection connection, boolean reusable);

    /** The session is closing, maybe from another thread: close what belongs to it alone. */
    void sessionClosed();
}
