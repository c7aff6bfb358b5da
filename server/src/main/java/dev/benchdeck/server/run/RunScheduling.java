package dev.benchdeck.server.run;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.benchdeck.server.live.LiveFeed;
import dev.benchdeck.server.system.BenchdeckProperties;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * db-scheduler with one task, "benchdeck-run": as many worker threads as runs may execute at once,
 * so further runs wait queued. A failed or dead execution is never retried: the run is marked
 * {@code interrupted} and the execution removed.
 */
@Configuration(proxyBeanMethods = false)
class RunScheduling {

    static final String TASK = "benchdeck-run";

    /** How long a scheduler's execution counts as alive without a heartbeat: db-scheduler's own limit, four beats. */
    static Duration alive(Duration heartbeat) {
        return heartbeat.multipliedBy(4);
    }

    /** This process's name in db-scheduler's {@code picked_by}: the host and the process id, unique on a machine. */
    @Bean
    SchedulerName schedulerName() {
        return new SchedulerName.Fixed(new SchedulerName.Hostname().getName() + "#" + ProcessHandle.current().pid());
    }

    @Bean
    OneTimeTask<Void> runTask(@Lazy RunExecutor executor, @Lazy RunRepository runs, @Lazy LiveFeed feed) {
        return Tasks.oneTime(TASK)
                .onFailure((complete, ops) -> ops.stop())
                .onDeadExecution((complete, ops) -> {
                    long id = Long.parseLong(complete.getExecution().taskInstance.getId());
                    if (runs.markInterrupted(id)) {
                        feed.status(id, RunState.INTERRUPTED, true);
                    }
                    ops.stop();
                })
                .execute((instance, context) -> executor.execute(Long.parseLong(instance.getId())));
    }

    @Bean(destroyMethod = "")
    Scheduler scheduler(DataSource dataSource, OneTimeTask<Void> runTask, BenchdeckProperties properties, SchedulerName name) {
        return Scheduler.create(dataSource, runTask)
                .schedulerName(name)
                .threads(Math.max(1, properties.runs().maxConcurrent()))
                .pollingInterval(Duration.ofSeconds(1))
                .heartbeatInterval(properties.runs().heartbeat())
                .missedHeartbeatsLimit(4)
                .enableImmediateExecution()
                .shutdownMaxWait(Duration.ofSeconds(5))
                .build();
    }

    /** Recovers leftovers from a dead process, then starts the workers; stops them first on shutdown. */
    @Bean
    SmartLifecycle schedulerLifecycle(Scheduler scheduler, RunOrchestrator orchestrator, RunExecutor executor) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                orchestrator.recover();
                scheduler.start();
                running = true;
            }

            @Override
            public void stop() {
                executor.stopAll();
                scheduler.stop();
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }
        };
    }
}
