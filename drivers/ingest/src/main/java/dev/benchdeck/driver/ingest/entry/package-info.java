/**
 * Ways into a pipeline: {@link dev.benchdeck.driver.ingest.entry.HttpEntry} (POST),
 * {@link dev.benchdeck.driver.ingest.entry.RedisEntry} (XADD, LPUSH) and
 * {@link dev.benchdeck.driver.ingest.entry.KafkaEntry} (produce to a topic).
 */
package dev.benchdeck.driver.ingest.entry;
