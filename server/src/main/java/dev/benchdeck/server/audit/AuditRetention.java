package dev.benchdeck.server.audit;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Deletes audit entries older than {@code benchdeck.audit.retention} (90 days) once a day, and a
 * minute after the start. Every replica may run it: a delete by age is the same however often it runs.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AuditRetention {

    private static final Logger log = LoggerFactory.getLogger(AuditRetention.class);

    /** @param retention how long entries are kept */
    @ConfigurationProperties("benchdeck.audit")
    record Settings(@DefaultValue("90d") Duration retention) {
    }

    private final AuditRepository entries;
    private final Settings settings;
    private final Clock clock = Clock.systemUTC();

    AuditRetention(AuditRepository entries, Settings settings) {
        this.entries = entries;
        this.settings = settings;
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT24H")
    void daily() {
        try {
            purge();
        } catch (RuntimeException e) {
            log.warn("Audit retention did not run: {}", e.toString());
        }
    }

    /** Deletes what is older than the retention; how many entries went. */
    int purge() {
        int deleted = entries.deleteBefore(clock.instant().minus(settings.retention()));
        if (deleted > 0) {
            log.info("Deleted {} audit entries older than {} days", deleted, settings.retention().toDays());
        }
        return deleted;
    }
}
