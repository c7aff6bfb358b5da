/**
 * The jdbc driver's part of a plan: {@link dev.benchdeck.driver.jdbc.config.TargetReader} and
 * {@link dev.benchdeck.driver.jdbc.config.WorkloadReader} check the {@code target} and {@code workload}
 * sections (their {@code FIELDS} are pinned to the plan's JSON schema by a test) into
 * {@link dev.benchdeck.driver.jdbc.config.JdbcTarget} and {@link dev.benchdeck.driver.jdbc.config.JdbcWorkload}.
 */
package dev.benchdeck.driver.jdbc.config;
