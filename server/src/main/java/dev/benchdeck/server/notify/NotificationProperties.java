package dev.benchdeck.server.notify;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code benchdeck.notifications.*}.
 *
 * @param attempts how many times a delivery is tried before it is marked failed
 * @param firstRetry the wait before the first retry; each further wait doubles
 * @param timeout how long one attempt may take (connect and answer)
 * @param retryPoll how often pending retries are looked for
 * @param publicUrl the dashboard's address as people reach it, for links in messages (none: paths only)
 */
@ConfigurationProperties("benchdeck.notifications")
public record NotificationProperties(@DefaultValue("5") int attempts, @DefaultValue("5s") Duration firstRetry,
                                     @DefaultValue("10s") Duration timeout, @DefaultValue("2s") Duration retryPoll,
                                     @Nullable String publicUrl) {
}
