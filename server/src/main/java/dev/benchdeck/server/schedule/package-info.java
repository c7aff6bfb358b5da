/**
 * Cron schedules per scenario: stored in PostgreSQL, fired by one db-scheduler recurring task (the ticker), so that
 * several replicas never fire one schedule twice. What happens to fire times missed while the server was down is the
 * schedule's {@code missed} policy (docs/schedules.md).
 */
package dev.benchdeck.server.schedule;
