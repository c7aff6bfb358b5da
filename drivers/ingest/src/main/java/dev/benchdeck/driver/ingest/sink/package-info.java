/**
 * The sink side: the {@link dev.benchdeck.driver.ingest.sink.MessageLedger} of every message's send and sighting,
 * the {@link dev.benchdeck.driver.ingest.sink.SinkWatcher} that polls the table, and the step's
 * {@link dev.benchdeck.driver.ingest.sink.DeliveryFigures}.
 */
package dev.benchdeck.driver.ingest.sink;
