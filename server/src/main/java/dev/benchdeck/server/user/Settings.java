package dev.benchdeck.server.user;

/** The admins' settings: whether people may create their own (viewer) accounts, and whether everyone needs TOTP. */
public record Settings(boolean selfRegistration, boolean requireTotp) {
}
