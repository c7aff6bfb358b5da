package dev.benchdeck.driver.jdbc.credentials;

/** A credential could not be obtained (no such environment variable, the token endpoint refused…). */
public class CredentialException extends Exception {

    public CredentialException(String message) {
        super(message);
    }

    public CredentialException(String message, Throwable cause) {
        super(message, cause);
    }
}
