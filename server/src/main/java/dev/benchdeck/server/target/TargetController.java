package dev.benchdeck.server.target;

import dev.benchdeck.server.security.CurrentActor;
import dev.benchdeck.server.system.NotFoundException;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
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
@RequestMapping("/api/v1/targets")
class TargetController {

    private final TargetService service;
    private final TargetRepository targets;

    TargetController(TargetService service, TargetRepository targets) {
        this.service = service;
        this.targets = targets;
    }

    @GetMapping
    List<Target> listTargets(@RequestParam(defaultValue = "false") boolean mine) {
        Long me = CurrentActor.userId();
        return targets.findAll().stream().filter(t -> !mine || (me != null && me.equals(t.createdById()))).toList();
    }

    @GetMapping("/{id}")
    Target getTarget(@PathVariable long id) {
        return service.get(id);
    }

    @PostMapping
    ResponseEntity<Target> createTarget(@Valid @RequestBody TargetRequest request) {
        Target created = service.create(request);
        return ResponseEntity.created(URI.create("/api/v1/targets/" + created.id())).body(created);
    }

    @PutMapping("/{id}")
    Target updateTarget(@PathVariable long id, @Valid @RequestBody TargetRequest request) {
        CurrentActor.requireMayChange(service.get(id).createdById(), "target");
        return service.update(id, request);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> deleteTarget(@PathVariable long id) {
        CurrentActor.requireMayChange(service.get(id).createdById(), "target");
        if (!targets.delete(id)) {
            throw new NotFoundException("target", id);
        }
        return ResponseEntity.noContent().build();
    }
}
