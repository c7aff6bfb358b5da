/**
 * The driver SPI: a {@link dev.benchdeck.engine.driver.DriverFactory} (found by ServiceLoader) reads
 * its part of a plan into a {@link dev.benchdeck.engine.driver.DriverSpec}, which opens a
 * {@link dev.benchdeck.engine.driver.Driver}; each virtual user gets a
 * {@link dev.benchdeck.engine.driver.Session} (or an {@link dev.benchdeck.engine.driver.AsyncSession}, run
 * without a thread per user) whose operations return an
 * {@link dev.benchdeck.engine.driver.Outcome} with its {@link dev.benchdeck.engine.driver.Timings}.
 */
package dev.benchdeck.engine.driver;
