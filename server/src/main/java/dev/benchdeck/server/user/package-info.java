/**
 * People: accounts with Argon2id passwords checked against a list of common ones, roles, TOTP two-factor
 * sign-in with recovery codes, the first start's setup link, sign-in with its limits, the admins' user
 * management and settings, and the headless {@code users add} command.
 */
package dev.benchdeck.server.user;
