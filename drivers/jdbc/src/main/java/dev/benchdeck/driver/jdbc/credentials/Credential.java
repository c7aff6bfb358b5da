package dev.benchdeck.driver.jdbc.credentials;

import java.time.Duration;
import java.time.Instant;

/**
 * A user name and password for new connections. {@code expiresAt} is {@code null} for a password
 * that does not expire; an OAuth token (Lakebase) expires after about an hour and is checked by the
 * server only at login, so open connections outlive it but new ones need a fresh one.
 */
public record Credential(String user, String password, Instant expiresAt) {

    /** The most a credential is replaced before its expiry (five minutes of a one-hour token). */
    public static final Duration MAX_REFRESH_MARGIN = Duration.ofMinutes(5);

    /** How long before expiry a credential of this life is replaced: 5 minutes, or a tenth of its life when shorter. */
    public static Duration refreshMargin(Duration lifetime) {
        Duration tenth = lifetime.dividedBy(10);
        return tenth.compareTo(MAX_REFRESH_MARGIN) < 0 ? tenth : MAX_REFRESH_MARGIN;
    }

    @Override
    public String toString() {
        return "Credential[user=" + user + ", password=***, expiresAt=" + expiresAt + "]";
    }
}
