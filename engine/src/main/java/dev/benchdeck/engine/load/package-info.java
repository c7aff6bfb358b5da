/**
 * Load models and the run loop: closed (virtual users) and open (arrival schedule) steps of a
 * sweep, conducted on an injected clock, with cancellation and a run deadline.
 */
package dev.benchdeck.engine.load;
