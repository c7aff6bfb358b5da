package dev.benchdeck.server.run;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * One run in full: its summary, the plan as run, and the engine's results as stored (JSON in the
 * engine's shape). {@code setup} is the driver's setup summary (last report of each phase), null until the run ends.
 */
record RunDetail(@JsonUnwrapped RunSummary summary, String planYaml, @JsonRawValue String environment, String failure,
                 @JsonRawValue String setup, @JsonRawValue String steps, @JsonRawValue String overall, @JsonRawValue String verdicts) {
}
