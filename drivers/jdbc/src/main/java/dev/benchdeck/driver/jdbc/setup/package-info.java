/**
 * The setup phase: the benchmark table's shape ({@link dev.benchdeck.driver.jdbc.setup.BenchTable}),
 * what the catalogue says about it ({@link dev.benchdeck.driver.jdbc.setup.TableState}), reuse,
 * recreate or none ({@link dev.benchdeck.driver.jdbc.setup.TableSetup}), the COPY loader, and the
 * checks that come before any load (privileges, the custom statement).
 */
package dev.benchdeck.driver.jdbc.setup;
