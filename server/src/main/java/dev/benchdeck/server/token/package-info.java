/** Personal API tokens for CI and agents: scoped, expiring, shown once, stored as a SHA-256, revocable. */
package dev.benchdeck.server.token;
