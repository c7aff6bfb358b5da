/**
 * The Benchdeck server, packaged by feature: targets, scenarios, runs and their orchestration,
 * results, the live feed, the built-in demo endpoints, and the system plumbing (database, errors).
 */
package dev.benchdeck.server;
