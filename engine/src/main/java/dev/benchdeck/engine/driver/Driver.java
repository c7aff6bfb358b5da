package dev.benchdeck.engine.driver;

/** An opened driver for one run: it hands out sessions and releases shared resources at the end. */
public interface Driver extends AutoCloseable {

    /** A new session for one user; cheap, connections open lazily on first use. */
    Session newSession();

    @Override
    void close();
}
