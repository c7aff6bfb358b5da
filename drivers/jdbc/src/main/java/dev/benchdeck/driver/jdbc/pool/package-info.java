/**
 * The connection pool (our own: it opens its connections in parallel): every new connection logs in with the provider's current
 * credential, a refused login is retried once with a fresh one, and no connection is handed out
 * after its login credential expired. Pool state is exposed as gauges for the live view.
 */
package dev.benchdeck.driver.jdbc.pool;
