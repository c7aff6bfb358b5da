/**
 * The connection check the ingest driver offers for {@code ingestor} targets: the ingestor's own {@code /health},
 * which says whether its queue and database answer.
 */
package dev.benchdeck.driver.ingest.check;
