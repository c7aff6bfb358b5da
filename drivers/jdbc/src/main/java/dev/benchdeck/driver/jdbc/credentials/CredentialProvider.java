package dev.benchdeck.driver.jdbc.credentials;

/**
 * Where the pool gets the credential for each new connection. Implementations cache a credential
 * until shortly before it expires and are safe to call from many threads.
 */
public interface CredentialProvider extends AutoCloseable {

    /** The credential to log in with now; fetched again when the cached one is near expiry or invalidated. */
    Credential credential() throws CredentialException;

    /** The database refused the cached credential (SQLSTATE 28P01/28000): the next call fetches a fresh one. */
    void invalidate();

    /** Where credentials come from, for messages; never contains a secret. */
    String description();

    @Override
    default void close() {
    }
}
