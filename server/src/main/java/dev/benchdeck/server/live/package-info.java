/**
 * The live feed: a WebSocket where a client subscribes to a run, first gets everything so far (from
 * memory while the run is going, else from the database), then setup progress, every interval, step and status.
 */
package dev.benchdeck.server.live;
