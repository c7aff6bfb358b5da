package dev.benchdeck.driver.http.h1;

/** A session's own kept-alive connection, opened on first use and again after the server closes it. */
final class OwnConnection implements ConnectionSource {

    // volatile: the session may be closed from another thread while its connection is handed over
    private volatile Http1Connection idle;
    private volatile boolean closed;

    @Override
    public Http1Connection take(long deadline, boolean fresh) {
        Http1Connection connection = idle;
        idle = null;
        return connection;
    }

    @Override
    public void give(Http1Connection connection, boolean reusable) {
        if (connection == null) {
            return;
        }
        if (!reusable) {
            connection.close();
            return;
        }
        idle = connection;
        if (closed) {
            idle = null;
            connection.close();
        }
    }

    @Override
    public void sessionClosed() {
        closed = true;
        Http1Connection connection = idle;
        if (connection != null) {
            connection.abort();
        }
    }
}
