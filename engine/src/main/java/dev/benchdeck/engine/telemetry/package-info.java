/**
 * Target telemetry: a {@link dev.benchdeck.engine.telemetry.TelemetrySource} reads a target's own
 * figures during a run; {@link dev.benchdeck.engine.driver.DriverFactory#telemetry} offers one per
 * target kind.
 */
package dev.benchdeck.engine.telemetry;
