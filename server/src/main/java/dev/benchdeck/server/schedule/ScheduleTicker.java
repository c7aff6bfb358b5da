package dev.benchdeck.server.schedule;

import dev.benchdeck.server.run.RunOrchestrator;
import dev.benchdeck.server.run.RunSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fires due schedules. The due rows are locked and moved to their next fire time in one transaction (so two
 * replicas never fire one twice), and the runs are queued after it commits (so a worker never looks for a run
 * row that is not committed yet). A fire time seen more than {@code missedAfter} late was missed: with
 * {@code run_once} all missed times give one run now, with {@code skip} none; the next fire time is after now.
 */
@Component
public class ScheduleTicker {

    private static final Logger log = LoggerFactory.getLogger(ScheduleTicker.class);
    private static final long MISSED_COUNT_CAP = 100_000;

    private final ScheduleRepository repository;
    private final RunOrchestrator orchestrator;
    private final TransactionTemplate transactions;
    private final Duration missedAfter;

    ScheduleTicker(ScheduleRepository repository, RunOrchestrator orchestrator, TransactionTemplate transactions,
                   ScheduleProperties properties) {
        this.repository = repository;
        this.orchestrator = orchestrator;
        this.transactions = transactions;
        this.missedAfter = properties.missedAfter();
    }

    /** Fires what is due at {@code now}; returns the runs it queued. */
    public List<RunSummary> tick(Instant now) {
        List<Schedule> toFire = transactions.execute(status -> {
            List<Schedule> fire = new ArrayList<>();
            for (Schedule due : repository.lockDue(now)) {
                CronSchedule cron = CronSchedule.stored(due.cron(), due.timeZone());
                Instant next = cron.next(now);
                boolean missed = Duration.between(due.nextFireAt(), now).compareTo(missedAfter) > 0;
                long missedTimes = missed ? 1 + cron.countBetween(due.nextFireAt(), now, MISSED_COUNT_CAP) : 0;
                if (missed && due.missed().equals("skip")) {
                    log.info("Schedule {}: skipped {} fire time(s) missed while the server was down", due.id(), missedTimes);
                    repository.fired(due.id(), now, next, "skipped " + missedTimes + " fire time(s) missed while the server was down",
                            missedTimes);
                } else {
                    repository.fired(due.id(), now, next, null, missedTimes);
                    fire.add(due);
                }
            }
            return fire;
        });
        List<RunSummary> started = new ArrayList<>();
        for (Schedule schedule : toFire) {
            try {
                RunSummary run = orchestrator.triggerScheduled(schedule.scenarioId(), schedule.id(), schedule.createdById(),
                        schedule.createdBy());
                repository.recordOutcome(schedule.id(), run.id(), null);
                started.add(run);
            } catch (RuntimeException e) {
                log.warn("Schedule {}: no run started: {}", schedule.id(), e.getMessage());
                repository.recordOutcome(schedule.id(), null, "no run started: " + e.getMessage());
            }
        }
        return started;
    }
}
