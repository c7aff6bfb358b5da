/**
 * The connection checks the http and llm drivers offer for their kinds of target ({@code http}, {@code llm},
 * {@code automation}): one timed request with the target's headers or API key, and a report that says what
 * answered or what to fix, never repeating a secret.
 */
package dev.benchdeck.driver.http.check;
