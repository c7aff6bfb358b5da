/** Targets: the systems under test, with their connection options and encrypted credentials. */
package dev.benchdeck.server.target;
