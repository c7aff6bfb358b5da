/**
 * Comparison of runs and reports people can send, all from result JSON and without a framework:
 * {@link dev.benchdeck.report.Comparison#of} lines 2–5 runs up step by step (figures from the merged
 * histograms, significance from a moving-block bootstrap of the per-interval samples), and the report
 * writers ({@link dev.benchdeck.report.HtmlReport}, {@link dev.benchdeck.report.MarkdownSummary},
 * {@link dev.benchdeck.report.CsvExport}, {@link dev.benchdeck.report.JUnitXml}, {@link dev.benchdeck.report.JsonReport})
 * render one run or a comparison to a {@link java.io.Writer}. The CLI and the server both call them.
 */
@NullMarked
package dev.benchdeck.report;

import org.jspecify.annotations.NullMarked;
