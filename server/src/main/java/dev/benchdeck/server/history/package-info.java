/**
 * History, regression detection and alerts: the series of a metric per step over a scenario's completed runs, the
 * regression tests a scenario picks (static limit, percentage against the baseline, z-score, Welch's t-test,
 * inter-quartile range, E-divisive change points; each a pure class, defined once here and once in docs/history.md),
 * the check made on every completed run, and the alerts it stores.
 */
package dev.benchdeck.server.history;
