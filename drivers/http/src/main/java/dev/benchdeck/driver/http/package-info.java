/**
 * The {@code http} driver: HTTP/1.1 requests over a lean blocking-socket client (one kept-alive
 * connection per virtual user, or a bounded shared pool) and HTTP/2 through the JDK client. The
 * plan's path, headers and body are templates compiled once at parse time; a request without
 * placeholders is encoded once and the same bytes are written for every request. Only
 * {@link dev.benchdeck.driver.http.HttpDriverFactory} is public; it is found by ServiceLoader.
 */
package dev.benchdeck.driver.http;
