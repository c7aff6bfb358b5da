package dev.benchdeck.server.run;

import dev.benchdeck.server.security.CurrentActor;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import dev.benchdeck.server.system.BadRequestException;
import dev.benchdeck.server.system.FieldProblem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.BindParam;

/**
 * The runs list's query parameters. They are read as text and each checked by its constraint, so that
 * every bad one (not a number, out of range, not a time) is reported at once; {@code page} is 0 and
 * {@code size} 20 when not given (or empty); {@code after} (a page's {@code next_cursor}) replaces {@code page}.
 */
record RunQuery(
        @RunStateName @Parameter(description = "only runs in this state", schema = @Schema(implementation = RunState.class))
        String status,
        @BindParam("target_id") @WholeNumber
        @Parameter(name = "target_id", description = "only runs of this target", schema = @Schema(type = "integer", format = "int64"))
        String targetId,
        @BindParam("scenario_id") @WholeNumber
        @Parameter(name = "scenario_id", description = "only runs of this scenario", schema = @Schema(type = "integer", format = "int64"))
        String scenarioId,
        @StorableInstant @Parameter(description = "only runs queued at or after this time, e.g. 2026-01-31T12:00:00Z",
                schema = @Schema(type = "string", format = "date-time"))
        String from,
        @StorableInstant @Parameter(description = "only runs queued before this time", schema = @Schema(type = "string", format = "date-time"))
        String to,
        @WholeNumber(min = 0, max = Integer.MAX_VALUE)
        @Parameter(schema = @Schema(type = "integer", format = "int32", defaultValue = "0", minimum = "0"))
        String page,
        @WholeNumber(min = 1, max = 200)
        @Parameter(schema = @Schema(type = "integer", format = "int32", defaultValue = "20", minimum = "1", maximum = "200"))
        String size,
        @Parameter(description = "the page after the one that gave this next_cursor (instead of page); the last page has none")
        String after,
        @Parameter(description = "only runs the caller started") Boolean mine,
        @Parameter(description = "only runs of this branch (the label branch)") String branch,
        @Parameter(description = "only runs with this label, as key:value (repeatable; all must match), e.g. os:linux")
        List<String> label) {

    /** An empty parameter ({@code ?status=}) counts as not given. */
    RunQuery {
        status = given(status);
        targetId = given(targetId);
        scenarioId = given(scenarioId);
        from = given(from);
        to = given(to);
        page = given(page);
        size = given(size);
        after = given(after);
        branch = given(branch);
    }

    /** With {@code mine=true}: the caller's id (-1, matching nothing, for a caller without one). */
    private static Long mineId() {
        Long id = CurrentActor.userId();
        return id == null ? -1L : id;
    }

    private static String given(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    int pageNumber() {
        return page == null ? 0 : Integer.parseInt(page);
    }

    int pageSize() {
        return size == null ? 20 : Integer.parseInt(size);
    }

    /** The cursor of {@code after}, or null; 400 for one no page gave, or beside a page number. */
    RunCursor cursor() {
        if (after == null) {
            return null;
        }
        if (page != null) {
            throw new BadRequestException("invalid page", List.of(new FieldProblem("after", "give either page or after, not both")));
        }
        return RunCursor.parse(after).orElseThrow(() -> new BadRequestException("invalid page",
                List.of(new FieldProblem("after", "must be a next_cursor from an earlier page of runs"))));
    }

    /** The filter of a query whose constraints held; 400 for a label filter that is not key:value. */
    RunRepository.RunFilter filter() {
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, String> labels = new java.util.LinkedHashMap<>(RunLabels.filters(label, "label", problems));
        if (branch != null) {
            labels.put(RunLabels.BRANCH, branch);
        }
        if (!problems.isEmpty()) {
            throw new BadRequestException("invalid label filter", problems);
        }
        return new RunRepository.RunFilter(status == null ? null : RunState.parse(status).orElseThrow(),
                targetId == null ? null : Long.valueOf(targetId), scenarioId == null ? null : Long.valueOf(scenarioId),
                from == null ? null : Instant.parse(from), to == null ? null : Instant.parse(to),
                Boolean.TRUE.equals(mine) ? mineId() : null, labels);
    }
}
