package dev.benchdeck.driver.jdbc.credentials;

import java.time.Duration;

/**
 * Where the pool gets the credential for each new connection. Implementations cache a credential
 * until shortly before it expires and are safe to call from many threads.
 */
public interface CredentialProvider extends AutoCloseable {

    /** The credential to log in with now; fetched again when the cached one is near expiry or invalidated. */
    Credential credential() throws CredentialException;

    /** The database refused the cached credential (SQLSTATE 28P01/28000): the next call fetches a fresh one. */
    void invalidate();

    /**
     * The database refused {@code refused}: forget it, unless a newer credential has replaced it
     * meanwhile (so a slow login with an old credential does not throw away a fresh one).
     */
    default void invalidate(Credential refused) {
        invalidate();
    }

    /** Whether asking again can give a different credential (worth a retry after the database refused one). */
    default boolean refreshable() {
        return false;
    }

    /** How long a freshly fetched credential lives; {@code null} when credentials do not expire. */
    default Duration credentialLifetime() {
        return null;
    }

    /** Where credentials come from, for messages; never contains a secret. */
    String description();

    @Override
    default void close() {
    }
}
