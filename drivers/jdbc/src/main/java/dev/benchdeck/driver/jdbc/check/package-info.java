/**
 * Checks a user runs before a benchmark: {@link dev.benchdeck.driver.jdbc.check.ConnectionCheck}
 * (log in, server version, round trip, the privilege to create the benchmark table) and
 * {@link dev.benchdeck.driver.jdbc.check.QueryCheck} (one statement's timing, result shape and
 * {@code EXPLAIN} plan, in a transaction that is rolled back). Both return plain records with a
 * clear message and an error class instead of throwing; the connection check is the one the jdbc
 * driver offers for postgres targets, the query check the server's query-check endpoint runs.
 */
package dev.benchdeck.driver.jdbc.check;
