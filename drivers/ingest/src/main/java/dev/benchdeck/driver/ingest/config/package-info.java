/**
 * The ingest driver's part of a plan: the entry and sink of {@code target}, the {@code workload} settings, read and
 * checked by {@link dev.benchdeck.driver.ingest.config.IngestPlanReader} with every problem and its path.
 */
package dev.benchdeck.driver.ingest.config;
