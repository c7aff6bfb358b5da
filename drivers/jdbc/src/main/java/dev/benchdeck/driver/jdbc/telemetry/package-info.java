/** PostgreSQL telemetry during runs: {@code pg_stat_database} rates and {@code pg_stat_activity} counts. */
package dev.benchdeck.driver.jdbc.telemetry;
