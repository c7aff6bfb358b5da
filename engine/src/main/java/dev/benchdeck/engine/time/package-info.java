/** Time as the engine sees it: an injectable monotonic and wall clock. */
package dev.benchdeck.engine.time;
