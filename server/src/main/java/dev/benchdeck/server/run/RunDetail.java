package dev.benchdeck.server.run;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One run in full: its summary, the plan as run, and the engine's results as stored (JSON in the
 * engine's shape). {@code setup} is the driver's setup summary (last report of each phase), null until the run ends.
 */
record RunDetail(@JsonUnwrapped RunSummary summary,
                 String planYaml,
                 @JsonRawValue @Schema(implementation = Object.class, description = "the machine the run ran on (cpus, memory, JVM, OS)")
                 String environment,
                 String failure,
                 @JsonRawValue @ArraySchema(schema = @Schema(implementation = Object.class, description = "the last report of a setup phase"))
                 String setup,
                 @JsonRawValue @ArraySchema(schema = @Schema(implementation = Object.class, description = "a step's result, as in the CLI's result file"))
                 String steps,
                 @JsonRawValue @Schema(implementation = Object.class, description = "all steps merged, as in the CLI's result file")
                 String overall,
                 @JsonRawValue @ArraySchema(schema = @Schema(implementation = Object.class, description = "a threshold's verdict"))
                 String verdicts) {
}
