package dev.benchdeck.server.security;

/** Whether the admins require two-factor sign-in for everyone (the settings). */
public interface TotpPolicy {
    boolean totpRequired();
}
