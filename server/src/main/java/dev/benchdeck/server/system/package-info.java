/**
 * System plumbing: settings, the embedded or external PostgreSQL, RFC 9457 problem details for
 * every error, the request size limit and the startup banner line.
 */
package dev.benchdeck.server.system;
