/**
 * Ingestor targets seen from the dashboard: their figures sampled each second into a series the server keeps
 * (so the Ingestion page never starts blank and survives reloads), their newest messages and burst simulations,
 * all through the server, which keeps the admin token.
 */
package dev.benchdeck.server.ingestor;
