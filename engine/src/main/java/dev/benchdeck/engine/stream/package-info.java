/** Stream metrics (TTFT, ITL, TPOT, E2E, output tokens, goodput), each defined once. */
package dev.benchdeck.engine.stream;
