package dev.benchdeck.server.schedule;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
class ScheduleController {

    private final ScheduleService service;

    ScheduleController(ScheduleService service) {
        this.service = service;
    }

    @GetMapping("/schedules")
    List<Schedule> listSchedules() {
        return service.list(null);
    }

    @GetMapping("/scenarios/{id}/schedules")
    List<Schedule> listScenarioSchedules(@PathVariable long id) {
        return service.list(id);
    }

    @PostMapping("/scenarios/{id}/schedules")
    ResponseEntity<Schedule> createSchedule(@PathVariable long id, @Valid @RequestBody ScheduleRequest request) {
        Schedule created = service.create(id, request);
        return ResponseEntity.created(URI.create("/api/v1/schedules/" + created.id())).body(created);
    }

    @GetMapping("/schedules/{id}")
    Schedule getSchedule(@PathVariable long id) {
        return service.get(id);
    }

    @PutMapping("/schedules/{id}")
    Schedule updateSchedule(@PathVariable long id, @Valid @RequestBody ScheduleRequest request) {
        return service.update(id, request);
    }

    @PostMapping("/schedules/{id}/pause")
    Schedule pauseSchedule(@PathVariable long id) {
        return service.setPaused(id, true);
    }

    @PostMapping("/schedules/{id}/resume")
    Schedule resumeSchedule(@PathVariable long id) {
        return service.setPaused(id, false);
    }

    @DeleteMapping("/schedules/{id}")
    ResponseEntity<Void> deleteSchedule(@PathVariable long id) {
        service.delete(id);
        return ResponseEntity.noContent().build();
    }

    /** The next five fire times of an expression, or why it is not valid. */
    @GetMapping("/schedules/preview")
    SchedulePreview previewSchedule(@RequestParam(required = false) @Nullable String cron,
                                    @RequestParam(name = "time_zone", required = false) @Nullable String timeZone) {
        return service.preview(cron, timeZone);
    }
}
