/** Recording while a run goes: HdrHistogram recorders per step, 1-second interval snapshots, listeners (sinks). */
package dev.benchdeck.engine.record;
