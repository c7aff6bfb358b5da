/**
 * The {@code ingest} driver: benchmarks a message-ingestion pipeline end to end. Sessions publish messages with
 * run-unique ids through an {@link dev.benchdeck.driver.ingest.entry.Entry} (HTTP or Redis); a
 * {@link dev.benchdeck.driver.ingest.sink.SinkWatcher} polls the PostgreSQL sink for them; each step reports
 * end-to-end latency, drain time and lost, duplicated and delivered counts through {@code Driver.finishStep}.
 */
package dev.benchdeck.driver.ingest;
