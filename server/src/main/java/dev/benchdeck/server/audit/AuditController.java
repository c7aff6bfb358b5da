package dev.benchdeck.server.audit;

import dev.benchdeck.server.system.BadRequestException;
import dev.benchdeck.server.system.FieldProblem;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/audit}: the newest entries first, filtered; for admins (the security configuration says so). */
@RestController
@RequestMapping("/api/v1/audit")
class AuditController {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1_000;

    private final AuditRepository entries;

    AuditController(AuditRepository entries) {
        this.entries = entries;
    }

    record AuditPage(List<AuditEntry> items, long total) {
    }

    @GetMapping
    AuditPage listAudit(
            @RequestParam(required = false) @Parameter(description = "only entries of this user name") String actor,
            @RequestParam(required = false) @Parameter(description = "only entries of this action, e.g. target_created") String action,
            @RequestParam(required = false) @Parameter(description = "only entries at or after this time, e.g. 2026-01-31T12:00:00Z",
                    schema = @Schema(type = "string", format = "date-time")) String from,
            @RequestParam(required = false) @Parameter(description = "only entries before this time",
                    schema = @Schema(type = "string", format = "date-time")) String to,
            @RequestParam(required = false) @Parameter(description = "at most this many entries (1-1000, default 100)",
                    schema = @Schema(type = "integer", format = "int32", defaultValue = "100", minimum = "1", maximum = "1000")) String limit) {
        List<FieldProblem> problems = new ArrayList<>();
        Instant fromTime = instant("from", from, problems);
        Instant toTime = instant("to", to, problems);
        int max = limit(limit, problems);
        if (!problems.isEmpty()) {
            throw new BadRequestException("the request has invalid parameters", problems);
        }
        AuditRepository.Page page = entries.find(new AuditRepository.Filter(given(actor), given(action), fromTime, toTime), max);
        return new AuditPage(page.items(), page.total());
    }

    private static String given(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Instant instant(String name, String value, List<FieldProblem> problems) {
        if (given(value) == null) {
            return null;
        }
        try {
            Instant instant = Instant.parse(value.strip());
            // PostgreSQL's timestamptz holds years 4713 BC to 294276 AD; keep to the common era
            if (instant.isBefore(Instant.parse("0001-01-01T00:00:00Z")) || instant.isAfter(Instant.parse("9999-12-31T23:59:59Z"))) {
                problems.add(new FieldProblem(name, "must be a time between the years 1 and 9999"));
                return null;
            }
            return instant;
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(name, "must be a time such as 2026-01-31T12:00:00Z"));
            return null;
        }
    }

    private static int limit(String value, List<FieldProblem> problems) {
        if (given(value) == null) {
            return DEFAULT_LIMIT;
        }
        String text = value.strip();
        if (!text.matches("[0-9]{1,9}") || Integer.parseInt(text) < 1 || Integer.parseInt(text) > MAX_LIMIT) {
            problems.add(new FieldProblem("limit", "must be a whole number from 1 to " + MAX_LIMIT));
            return DEFAULT_LIMIT;
        }
        return Integer.parseInt(text);
    }
}
