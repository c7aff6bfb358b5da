/**
 * Runs: queued on db-scheduler, claimed by a worker, executed by the engine with intervals and
 * steps stored as they come and pushed to the live feed; cancel, rerun, and recovery of runs a dead
 * process left behind (marked {@code interrupted}, never retried).
 */
package dev.benchdeck.server.run;
