/** The text/event-stream parser. */
package dev.benchdeck.driver.http.sse;
