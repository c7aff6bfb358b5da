package dev.benchdeck.driver.jdbc.pool;

import dev.benchdeck.driver.jdbc.credentials.CredentialException;
import java.sql.SQLException;

/** No login was tried: the credential provider could not give a credential (SQLSTATE 28000, like a refused login). */
public final class CredentialUnavailableException extends SQLException {

    public CredentialUnavailableException(String description, CredentialException cause) {
        super("cannot obtain a credential from " + description + ": " + cause.getMessage(), "28000", cause);
    }
}
