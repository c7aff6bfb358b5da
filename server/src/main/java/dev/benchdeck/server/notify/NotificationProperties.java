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
 * @param smtp the SMTP server e-mail notifications go through (none: no e-mail)
 */
@ConfigurationProperties("benchdeck.notifications")
public record NotificationProperties(@DefaultValue("5") int attempts, @DefaultValue("5s") Duration firstRetry,
                                     @DefaultValue("10s") Duration timeout, @DefaultValue("2s") Duration retryPoll,
                                     @Nullable String publicUrl, @Nullable Smtp smtp) {

    /**
     * {@code benchdeck.notifications.smtp.*}: e-mail is on when {@code host} is set.
     *
     * @param security {@code starttls} (the default: the connection must upgrade to TLS), {@code ssl} (TLS from the
     *                 start, usually port 465) or {@code none} (plain text: only for a relay on this machine)
     * @param password best given as the environment variable {@code BENCHDECK_NOTIFICATIONS_SMTP_PASSWORD}; never logged
     */
    public record Smtp(@Nullable String host, @DefaultValue("587") int port, @Nullable String username, @Nullable String password,
                       @Nullable String from, @DefaultValue("starttls") String security, @DefaultValue("10s") Duration timeout) {
    }

    /** The SMTP settings when e-mail is configured, else null. */
    public @Nullable Smtp mail() {
        return smtp == null || smtp.host() == null || smtp.host().isBlank() ? null : smtp;
    }
}
