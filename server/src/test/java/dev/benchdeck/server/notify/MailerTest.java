package dev.benchdeck.server.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.MessagingException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The SMTP settings: e-mail off without a host, refused at start when they cannot work. */
class MailerTest {

    private static NotificationProperties with(NotificationProperties.Smtp smtp) {
        return new NotificationProperties(5, Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(2), null, smtp);
    }

    private static NotificationProperties.Smtp smtp(String host, String from, String security) {
        return new NotificationProperties.Smtp(host, 587, null, null, from, security, Duration.ofSeconds(10));
    }

    @Test
    void withoutAHostThereIsNoEmailAndSendingSaysWhy() {
        Mailer off = new Mailer(with(null));
        assertThat(off.configured()).isFalse();
        assertThat(new Mailer(with(smtp(" ", null, "starttls"))).configured()).isFalse();
        assertThatThrownBy(() -> off.send(List.of("a@example.com"), "s", "t")).isInstanceOf(MessagingException.class)
                .hasMessageContaining("benchdeck.notifications.smtp.host");
    }

    @Test
    void settingsThatCannotWorkStopTheServerWithWhatToFix() {
        assertThatThrownBy(() -> new Mailer(with(smtp("mail.example.com", "b@example.com", "tls13"))))
                .hasMessageContaining("smtp.security must be one of starttls, ssl, none");
        assertThatThrownBy(() -> new Mailer(with(smtp("mail.example.com", null, "starttls"))))
                .hasMessageContaining("smtp.from must be set");
        assertThat(new Mailer(with(smtp("mail.example.com", "b@example.com", "STARTTLS"))).configured()).isTrue();
    }

    @Test
    void aMailtoUrlGivesItsAddresses() {
        assertThat(WebhookDispatcher.recipients("mailto:a@example.com, b@example.com,")).containsExactly("a@example.com", "b@example.com");
    }
}
