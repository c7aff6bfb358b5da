package dev.benchdeck.server.telemetry;

import dev.benchdeck.server.system.NotFoundException;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A run's target telemetry, on the same time axis as its intervals. */
@RestController
class TelemetryController {

    private final TelemetryRepository repository;

    TelemetryController(TelemetryRepository repository) {
        this.repository = repository;
    }

    /** Every sample so far (empty when the target's kind has no telemetry); 404 for an unknown run. */
    @GetMapping("/api/v1/runs/{id}/telemetry")
    List<TelemetrySample> runTelemetry(@PathVariable long id) {
        if (!repository.runExists(id)) {
            throw new NotFoundException("run", id);
        }
        return repository.find(id);
    }
}
