/** Results: per-step measurements with their histograms, exact merging, threshold verdicts. */
package dev.benchdeck.engine.result;
