/**
 * Turns a browser recording (HAR, from any browser's devtools) into a journey plan: static assets dropped, think times
 * from the recording's gaps, and values that later requests reuse suggested as extractions ({@link
 * dev.benchdeck.driver.http.har.HarImport}).
 */
package dev.benchdeck.driver.http.har;
