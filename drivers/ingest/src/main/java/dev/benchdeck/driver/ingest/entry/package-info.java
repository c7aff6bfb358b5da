/** Ways into a pipeline: {@link dev.benchdeck.driver.ingest.entry.HttpEntry} (POST) and {@link dev.benchdeck.driver.ingest.entry.RedisEntry} (XADD, LPUSH). */
package dev.benchdeck.driver.ingest.entry;
