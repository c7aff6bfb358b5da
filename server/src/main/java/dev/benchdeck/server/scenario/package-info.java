/** Scenarios: named plans against a target, validated on every write, and plan validation for the forms. */
package dev.benchdeck.server.scenario;
