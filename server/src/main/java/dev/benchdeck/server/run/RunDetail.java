package dev.benchdeck.server.run;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.benchdeck.engine.record.SetupProgress;
import dev.benchdeck.engine.result.EnvironmentInfo;
import dev.benchdeck.engine.result.StepResult;
import dev.benchdeck.engine.result.ThresholdVerdict;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * One run in full: its summary, the plan as run, and the engine's results as stored (JSON in the
 * engine's shape, so the document describes them by the engine's records): {@code steps} one result per step
 * and {@code overall} all steps merged, as in the CLI's result file. {@code setup} is the driver's
 * setup summary (last report of each phase); it, {@code environment}, {@code overall} and {@code verdicts}
 * are null until the run ends.
 */
record RunDetail(@JsonUnwrapped RunSummary summary,
                 String planYaml,
                 @JsonRawValue @Schema(implementation = EnvironmentInfo.class, description = "the machine the run ran on")
                 @Nullable String environment,
                 @Nullable String failure,
                 @JsonRawValue @ArraySchema(schema = @Schema(implementation = SetupProgress.class, description = "the last report of a setup phase"))
                 @Nullable String setup,
                 @JsonRawValue @ArraySchema(schema = @Schema(implementation = StepResult.class))
                 String steps,
                 @JsonRawValue @Schema(implementation = StepResult.class)
                 @Nullable String overall,
                 @JsonRawValue @ArraySchema(schema = @Schema(implementation = ThresholdVerdict.class, description = "a threshold's verdict"))
                 @Nullable String verdicts) {
}
