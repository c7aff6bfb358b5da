/**
 * The {@code jdbc} driver: PostgreSQL-compatible databases (a local PostgreSQL, Databricks
 * Lakebase). Sub-packages: {@code config} (the plan's target and workload), {@code credentials}
 * (where passwords and OAuth tokens come from), {@code pool} (connections opened in parallel, with fresh credentials),
 * {@code check} (connection and query checks), {@code setup} (tables and loading), {@code ops}
 * (operations, parameter generators, SQLSTATE error classes).
 */
package dev.benchdeck.driver.jdbc;
