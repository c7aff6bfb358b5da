package dev.benchdeck.server.demo;

import dev.benchdeck.demotarget.DemoTarget;
import dev.benchdeck.server.system.BadRequestException;
import dev.benchdeck.server.system.FieldProblem;
import dev.benchdeck.server.system.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The built-in demo endpoints' runtime setting: an extra delay before every answer, so that a demo scenario run
 * after it is set shows a regression (and raises an alert) with its plan unchanged. 404 while the demo target is off.
 */
@RestController
@RequestMapping("/api/v1/demo-target")
class DemoTargetController {

    private final DemoHttpTarget demo;

    DemoTargetController(DemoHttpTarget demo) {
        this.demo = demo;
    }

    /** {@code extra_delay_ms}: added to every answer of the demo endpoints (0..10000). */
    record DemoTargetConfig(@Nullable Integer extraDelayMs) {
    }

    @GetMapping("/config")
    @Operation(summary = "The demo endpoints' extra delay")
    DemoTargetConfig getDemoTargetConfig() {
        return new DemoTargetConfig(target().extraDelayMillis());
    }

    @PutMapping("/config")
    @Operation(summary = "Slows the demo endpoints by extra_delay_ms on every answer (0 undoes it)")
    DemoTargetConfig updateDemoTargetConfig(@RequestBody DemoTargetConfig config) {
        Integer ms = config.extraDelayMs();
        if (ms == null || ms < 0 || ms > DemoTarget.MAX_EXTRA_DELAY_MS) {
            throw new BadRequestException("invalid demo target config",
                    List.of(new FieldProblem("extra_delay_ms", "must be 0.." + DemoTarget.MAX_EXTRA_DELAY_MS + " (milliseconds)")));
        }
        target().setExtraDelayMillis(ms);
        return getDemoTargetConfig();
    }

    private DemoTarget target() {
        return demo.target().orElseThrow(() -> new NotFoundException(
                "the built-in demo endpoints are off (benchdeck.demo-target.port is -1)"));
    }
}
