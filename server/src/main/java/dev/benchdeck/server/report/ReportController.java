package dev.benchdeck.server.report;

import dev.benchdeck.report.Comparison;
import dev.benchdeck.server.system.BadRequestException;
import dev.benchdeck.server.system.FieldProblem;
import dev.benchdeck.server.system.Json;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
class ReportController {

    private static final int MAX_RUNS = 5;
    private static final String FORMATS = "html (default), md, csv (steps), intervals-csv, junit or json";

    private final ReportService reports;

    ReportController(ReportService reports) {
        this.reports = reports;
    }

    @GetMapping("/runs/{id}/report")
    @Operation(summary = "The run's report as a file to download; a run still going gets the figures so far, marked partial")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(type = "string", description = "the report")))
    ResponseEntity<String> runReport(@PathVariable long id,
                                     @Parameter(description = FORMATS) @RequestParam(required = false) @Nullable String format) {
        ReportFormat chosen = format(format);
        return file(reports.write(reports.run(id), chosen), chosen, "benchdeck-run-" + id);
    }

    @GetMapping(value = "/comparisons", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "2–5 runs side by side, the first the baseline: per step each figure, its change and whether it is significant")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Comparison.class)))
    ResponseEntity<String> compare(
            @Parameter(description = "2 to 5 run ids, comma-separated, the baseline first") @RequestParam(required = false) @Nullable String runs,
            @Parameter(description = "the confidence of the significance tests, between 0 and 1 (default 0.99)")
            @RequestParam(required = false) @Nullable String confidence) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .body(Json.write(reports.compare(runIds(runs), confidence(confidence))));
    }

    @GetMapping("/comparisons/report")
    @Operation(summary = "The comparison's report as a file to download")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(type = "string", description = "the report")))
    ResponseEntity<String> comparisonReport(
            @Parameter(description = "2 to 5 run ids, comma-separated, the baseline first") @RequestParam(required = false) @Nullable String runs,
            @Parameter(description = "the confidence of the significance tests, between 0 and 1 (default 0.99)")
            @RequestParam(required = false) @Nullable String confidence,
            @Parameter(description = FORMATS) @RequestParam(required = false) @Nullable String format) {
        ReportFormat chosen = format(format);
        List<Long> ids = runIds(runs);
        Comparison comparison = reports.compare(ids, confidence(confidence));
        return file(reports.write(comparison, chosen), chosen, "benchdeck-comparison-"
                + String.join("-", ids.stream().map(String::valueOf).toList()));
    }

    private static ResponseEntity<String> file(String body, ReportFormat format, String name) {
        return ResponseEntity.ok().contentType(format.mediaType)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "." + format.extension + "\"")
                .body(body);
    }

    private static ReportFormat format(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return ReportFormat.HTML;
        }
        ReportFormat format = ReportFormat.parse(value);
        if (format == null) {
            throw new BadRequestException("invalid report format", List.of(new FieldProblem("format",
                    "must be one of " + ReportFormat.choices())));
        }
        return format;
    }

    private static List<Long> runIds(@Nullable String value) {
        String how = "give 2 to " + MAX_RUNS + " run ids, comma-separated, the baseline first (e.g. runs=12,15)";
        if (value == null || value.isBlank()) {
            throw new BadRequestException("invalid comparison", List.of(new FieldProblem("runs", "missing: " + how)));
        }
        List<Long> ids = new ArrayList<>();
        List<FieldProblem> problems = new ArrayList<>();
        String[] parts = value.split(",", -1);
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].trim();
            if (!part.matches("[0-9]{1,18}")) {
                problems.add(new FieldProblem("runs[" + i + "]", "must be a run id (digits 0-9)"));
            } else if (ids.contains(Long.parseLong(part))) {
                problems.add(new FieldProblem("runs[" + i + "]", "run " + part + " is named twice"));
            } else {
                ids.add(Long.parseLong(part));
            }
        }
        if (problems.isEmpty() && (parts.length < 2 || parts.length > MAX_RUNS)) {
            problems.add(new FieldProblem("runs", parts.length + (parts.length == 1 ? " run" : " runs") + " given: " + how));
        }
        if (!problems.isEmpty()) {
            throw new BadRequestException("invalid comparison", problems);
        }
        return ids;
    }

    private static double confidence(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return 0.99;
        }
        if (!value.trim().matches("0?\\.[0-9]{1,6}")) {
            throw new BadRequestException("invalid comparison", List.of(new FieldProblem("confidence",
                    "must be a number between 0 and 1 (e.g. 0.99 for 99 %)")));
        }
        return Double.parseDouble(value.trim());
    }
}
