package dev.benchdeck.driver.jdbc.credentials;

import java.time.Instant;

/**
 * A user name and password for new connections. {@code expiresAt} is {@code null} for a password
 * that does not expire; an OAuth token (Lakebase) expires after about an hour and is checked by the
 * server only at login, so open connections outlive it but new ones need a fresh one.
 */
public record Credential(String user, String password, Instant expiresAt) {

    @Override
    public String toString() {
        return "Credential[user=" + user + ", password=***, expiresAt=" + expiresAt + "]";
    }
}
