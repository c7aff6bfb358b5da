/** A PostgreSQL server run from Maven Central binaries, for the server and for integration tests. */
package dev.benchdeck.embeddedpg;
