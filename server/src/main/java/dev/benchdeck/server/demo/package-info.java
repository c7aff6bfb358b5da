/**
 * The built-in demo: HTTP endpoints served by the server itself under {@code /demo}, and on first
 * start a target pointing at them with three scenarios, so that a run works with nothing external.
 */
package dev.benchdeck.server.demo;
