package dev.benchdeck.server.schedule;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code benchdeck.schedules.*}.
 *
 * @param poll how often the ticker looks for due schedules (a schedule fires at most this late)
 * @param minInterval the shortest time allowed between two fire times of one schedule
 * @param missedAfter a fire time the ticker sees later than this was missed (the server was down), and the
 *                    schedule's {@code missed} policy applies
 */
@ConfigurationProperties("benchdeck.schedules")
public record ScheduleProperties(@DefaultValue("10s") Duration poll, @DefaultValue("1m") Duration minInterval,
                                 @DefaultValue("2m") Duration missedAfter) {
}
