/** Serving the web dashboard (built by the ui module): its files, and index.html for its client-side routes. */
package dev.benchdeck.server.dashboard;
