/**
 * Reports of a stored run and comparisons of 2–5 stored runs, in every format the CLI writes (HTML, Markdown, CSV,
 * JUnit XML, JSON), rendered by the {@code report} module from the stored results: the dashboard's download buttons and
 * comparison page, and the API. A run still going gets the figures so far, marked partial.
 */
package dev.benchdeck.server.report;
