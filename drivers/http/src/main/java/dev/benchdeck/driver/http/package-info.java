/**
 * The {@code http} driver: HTTP/1.1 requests over a lean blocking-socket client (one kept-alive
 * connection per virtual user, or a bounded shared pool) and HTTP/2 through the JDK client. The
 * plan's path, headers and body are templates compiled once at parse time; a request without
 * placeholders is encoded once and the same bytes are written for every request. This package
 * holds the plan's reading, targets and endpoints; {@code h1}, {@code h2} and {@code template} the
 * protocols and templates. {@link dev.benchdeck.driver.http.HttpDriverFactory} is found by
 * ServiceLoader; the types the llm driver builds on (the event loop, the response parser, templates,
 * endpoints) are public for it.
 */
package dev.benchdeck.driver.http;
