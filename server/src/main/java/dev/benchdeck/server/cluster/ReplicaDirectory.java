package dev.benchdeck.server.cluster;

import com.github.kagkarlsson.scheduler.SchedulerName;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The replicas sharing this database and the address each is reached at ({@code benchdeck.replica.url}, else this
 * host's address and the server's port), written at start and refreshed every few seconds, so that a replica can hand
 * a call on to the one coordinating a run (the run's db-scheduler execution is picked by that replica's name).
 */
@Component
public class ReplicaDirectory implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReplicaDirectory.class);
    private static final Duration REFRESH = Duration.ofSeconds(5);
    /** A replica not seen for this long is dead: calls are not handed to it. */
    private static final Duration ALIVE = REFRESH.multipliedBy(3);

    private final JdbcClient jdbc;
    private final String name;
    private final @Nullable String configuredUrl;
    private volatile @Nullable String url;
    private @Nullable ScheduledExecutorService refresher;

    ReplicaDirectory(JdbcClient jdbc, SchedulerName schedulerName, @Value("${benchdeck.replica.url:}") String configuredUrl) {
        this.jdbc = jdbc;
        this.name = schedulerName.getName();
        this.configuredUrl = configuredUrl.isBlank() ? null : configuredUrl.replaceAll("/+$", "");
    }

    /** This replica's name: the same as its db-scheduler name in {@code scheduled_tasks.picked_by}. */
    public String name() {
        return name;
    }

    /** Where another replica coordinates the run (its execution picked there, the replica alive); empty when here or nowhere. */
    public Optional<URI> coordinatorElsewhere(long runId) {
        return jdbc.sql("""
                        select r.url from scheduled_tasks t join server_replicas r on r.name = t.picked_by
                        where t.task_name = 'benchdeck-run' and t.task_instance = :run and t.picked and t.picked_by <> :me
                          and r.seen_at > now() - cast(:alive as interval)""")
                .param("run", String.valueOf(runId)).param("me", name).param("alive", ALIVE.toSeconds() + " seconds")
                .query(String.class).optional().map(URI::create);
    }

    @EventListener
    void serverStarted(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getParent() != null) {
            return; // a management server of its own: not where peers call
        }
        if (configuredUrl != null) {
            url = configuredUrl;
        } else {
            url = "http://" + hostAddress() + ":" + event.getWebServer().getPort();
        }
        announce();
    }

    private static String hostAddress() {
        try {
            String address = InetAddress.getLocalHost().getHostAddress();
            return address.contains(":") ? "[" + address + "]" : address;
        } catch (UnknownHostException e) {
            return "127.0.0.1";
        }
    }

    private void announce() {
        String address = url;
        if (address == null) {
            return;
        }
        try {
            jdbc.sql("""
                            insert into server_replicas (name, url) values (:name, :url)
                            on conflict (name) do update set url = excluded.url, seen_at = now()""")
                    .param("name", name).param("url", address).update();
            jdbc.sql("delete from server_replicas where seen_at < now() - interval '1 day'").update();
        } catch (RuntimeException e) {
            log.debug("Could not announce this replica: {}", e.getMessage());
        }
    }

    @Override
    public void start() {
        refresher = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("benchdeck-replica").factory());
        refresher.scheduleWithFixedDelay(this::announce, REFRESH.toMillis(), REFRESH.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (refresher != null) {
            refresher.shutdownNow();
            refresher = null;
        }
        try {
            jdbc.sql("delete from server_replicas where name = :name").param("name", name).update();
        } catch (RuntimeException e) {
            log.debug("Could not remove this replica from the directory: {}", e.getMessage());
        }
    }

    @Override
    public boolean isRunning() {
        return refresher != null;
    }
}
