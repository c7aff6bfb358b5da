/** Serving the web dashboard (built by the ui module) and its client-side routes. */
package dev.benchdeck.server.dashboard;
