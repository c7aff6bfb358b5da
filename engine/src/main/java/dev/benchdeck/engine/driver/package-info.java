/**
 * The driver SPI: a {@link dev.benchdeck.engine.driver.DriverFactory} (found by ServiceLoader) reads
 * its part of a plan into a {@link dev.benchdeck.engine.driver.DriverSpec}, which opens a
 * {@link dev.benchdeck.engine.driver.Driver}; each virtual user gets a
 * {@link dev.benchdeck.engine.driver.Session} (or an {@link dev.benchdeck.engine.driver.AsyncSession}, run
 * without a thread per user) whose operations return an
 * {@link dev.benchdeck.engine.driver.Outcome} with its {@link dev.benchdeck.engine.driver.Timings}. For
 * the kinds of target it talks to, a factory offers a {@link dev.benchdeck.engine.driver.TargetCheck}
 * (the connection check a user runs before a benchmark) and a
 * {@link dev.benchdeck.engine.telemetry.TelemetrySource}, so a new kind needs no server code for them.
 * How to write one: {@code docs/drivers.md}.
 */
package dev.benchdeck.engine.driver;
