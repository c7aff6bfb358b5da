/**
 * Target telemetry: while a run executes, the target's own figures (a gateway's stage times, PostgreSQL's
 * {@code pg_stat_*}) sampled each second through the driver SPI, stored beside the intervals and pushed
 * on the live feed.
 */
package dev.benchdeck.server.telemetry;
