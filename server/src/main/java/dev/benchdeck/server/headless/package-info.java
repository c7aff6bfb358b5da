/**
 * The server jar's commands that need no web server: {@code users add} and {@code tokens create}, run
 * against the server's own database (the embedded PostgreSQL of its data directory, whether the server
 * runs or not, or {@code BENCHDECK_DATABASE_URL}).
 */
package dev.benchdeck.server.headless;
