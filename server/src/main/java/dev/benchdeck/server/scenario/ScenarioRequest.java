package dev.benchdeck.server.scenario;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

record ScenarioRequest(@NotBlank @Size(max = 200) String name,
                       @Size(max = 2000) String description,
                       @NotNull Long targetId,
                       @NotBlank @Size(max = 100_000) String planYaml) {
}
