package dev.benchdeck.server.schedule;

import dev.benchdeck.server.audit.AuditLog;
import dev.benchdeck.server.scenario.Scenario;
import dev.benchdeck.server.scenario.ScenarioService;
import dev.benchdeck.server.security.CurrentActor;
import dev.benchdeck.server.system.BadRequestException;
import dev.benchdeck.server.system.FieldProblem;
import dev.benchdeck.server.system.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** Creates, changes, pauses and resumes schedules; editors change their own, admins any. */
@Service
public class ScheduleService {

    static final Set<String> MISSED_POLICIES = Set.of("run_once", "skip");
    private static final int PREVIEW_COUNT = 5;

    private final ScheduleRepository repository;
    private final ScenarioService scenarios;
    private final ScheduleProperties properties;
    private final AuditLog audit;
    private final Clock clock = Clock.systemUTC();

    ScheduleService(ScheduleRepository repository, ScenarioService scenarios, ScheduleProperties properties, AuditLog audit) {
        this.repository = repository;
        this.scenarios = scenarios;
        this.properties = properties;
        this.audit = audit;
    }

    List<Schedule> list(@Nullable Long scenarioId) {
        if (scenarioId != null) {
            scenarios.get(scenarioId);
        }
        return repository.list(scenarioId);
    }

    Schedule get(long id) {
        return repository.find(id).orElseThrow(() -> new NotFoundException("schedule", id));
    }

    /** A new schedule of a scenario whose plan validates now (422 otherwise), owned by the caller. */
    Schedule create(long scenarioId, ScheduleRequest request) {
        Scenario scenario = scenarios.get(scenarioId);
        Checked checked = check(request);
        scenarios.plan(scenario);
        long id = repository.insert(scenario.id(), checked.cron, checked.zone, checked.missed, checked.paused,
                checked.paused ? null : checked.schedule.next(clock.instant()), CurrentActor.userId(), CurrentActor.username());
        audit.record("schedule_created", "schedule", id, Map.of("scenario_id", scenarioId, "cron", checked.cron, "time_zone", checked.zone));
        return get(id);
    }

    Schedule update(long id, ScheduleRequest request) {
        Schedule existing = get(id);
        CurrentActor.requireMayChange(existing.createdById(), "schedule");
        Checked checked = check(request);
        repository.update(id, checked.cron, checked.zone, checked.missed, checked.paused,
                checked.paused ? null : checked.schedule.next(clock.instant()));
        audit.record("schedule_changed", "schedule", id, Map.of("cron", checked.cron, "time_zone", checked.zone, "paused", checked.paused));
        return get(id);
    }

    /** Pausing clears the next fire time; resuming sets it from now, so paused fire times are never caught up. */
    Schedule setPaused(long id, boolean paused) {
        Schedule existing = get(id);
        CurrentActor.requireMayChange(existing.createdById(), "schedule");
        Instant next = paused ? null : CronSchedule.stored(existing.cron(), existing.timeZone()).next(clock.instant());
        repository.update(id, existing.cron(), existing.timeZone(), existing.missed(), paused, next);
        audit.record(paused ? "schedule_paused" : "schedule_resumed", "schedule", id, Map.of());
        return get(id);
    }

    void delete(long id) {
        Schedule existing = get(id);
        CurrentActor.requireMayChange(existing.createdById(), "schedule");
        repository.delete(id);
        audit.record("schedule_deleted", "schedule", id, Map.of("scenario_id", existing.scenarioId()));
    }

    /** The next fire times of an expression, or its problems: the answer, not an error (like plan validation). */
    SchedulePreview preview(@Nullable String cron, @Nullable String zone) {
        List<FieldProblem> problems = new ArrayList<>();
        CronSchedule schedule = CronSchedule.parse(cron, zone, properties.minInterval(), problems);
        List<Instant> times = new ArrayList<>();
        if (problems.isEmpty()) {
            Instant at = clock.instant();
            for (int i = 0; i < PREVIEW_COUNT && (at = schedule.next(at)) != null; i++) {
                times.add(at);
            }
        }
        return new SchedulePreview(problems.isEmpty(), problems, times);
    }

    private Checked check(ScheduleRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        CronSchedule schedule = CronSchedule.parse(request.cron(), request.timeZone(), properties.minInterval(), problems);
        String missed = request.missed() == null ? "run_once" : request.missed();
        if (!MISSED_POLICIES.contains(missed)) {
            problems.add(new FieldProblem("missed", "must be run_once or skip"));
        }
        if (!problems.isEmpty()) {
            throw new BadRequestException("the schedule is not valid", problems);
        }
        return new Checked(request.cron().strip(), schedule.zone().getId(), missed, Boolean.TRUE.equals(request.paused()), schedule);
    }

    private record Checked(String cron, String zone, String missed, boolean paused, CronSchedule schedule) {
    }
}
