package dev.benchdeck.server.target;

import dev.benchdeck.driver.http.check.HttpCheckReport;
import dev.benchdeck.driver.llm.gateway.GatewayCheckReport;
import dev.benchdeck.driver.ingest.check.IngestorCheckReport;
import dev.benchdeck.driver.jdbc.check.ConnectionReport;
import dev.benchdeck.driver.jdbc.check.QueryReport;
import dev.benchdeck.engine.driver.TargetCheck;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Checks a user runs before a benchmark: can the target be reached, and what does a statement cost. */
@RestController
@RequestMapping("/api/v1/targets/{id}")
class TargetCheckController {

    private final TargetChecks checks;

    TargetCheckController(TargetChecks checks) {
        this.checks = checks;
    }

    /**
     * 200 with what the check of the target's driver found, also when the target failed it ({@code ok: false});
     * 422 when its driver offers no check. The schema lists the reports of the drivers Benchdeck ships.
     */
    @PostMapping("/test")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(oneOf = {ConnectionReport.class, HttpCheckReport.class, GatewayCheckReport.class, IngestorCheckReport.class},
            description = "a postgres target's connection report, the HTTP check of an http, llm or automation target, a gateway check or an ingestor check")))
    TargetCheck.Report testTarget(@PathVariable long id) {
        return checks.connection(id);
    }

    /** 200 with the statement's timing and plan, or its error; 422 for targets that are not databases. */
    @PostMapping("/query-check")
    QueryReport checkQuery(@PathVariable long id, @Valid @RequestBody QueryCheckRequest request) {
        return checks.query(id, request.sql());
    }

    record QueryCheckRequest(@NotBlank @Size(max = 100_000) String sql) {
    }
}
