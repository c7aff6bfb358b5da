/** The text/event-stream parser. */
package dev.benchdeck.driver.llm.sse;
