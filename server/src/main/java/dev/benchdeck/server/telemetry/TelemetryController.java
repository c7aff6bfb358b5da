package dev.benchdeck.server.telemetry;

import dev.benchdeck.server.run.RunRepository;
import dev.benchdeck.server.system.NotFoundException;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A run's target telemetry, on the same time axis as its intervals. */
@RestController
class TelemetryController {

    private final RunRepository runs;
    private final TelemetryRepository repository;

    TelemetryController(RunRepository runs, TelemetryRepository repository) {
        this.runs = runs;
        this.repository = repository;
    }

    /** Every sample so far (empty when the target's kind has no telemetry); 404 for an unknown run. */
    @GetMapping("/api/v1/runs/{id}/telemetry")
    List<TelemetrySample> runTelemetry(@PathVariable long id) {
        runs.find(id).orElseThrow(() -> new NotFoundException("run", id));
        return repository.find(id);
    }
}
