package dev.benchdeck.server.notify;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.jspecify.annotations.Nullable;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** Sends e-mail notifications over the configured SMTP server (Jakarta Mail); off when no host is configured. */
@Component
class Mailer {

    static final List<String> SECURITY = List.of("starttls", "ssl", "none");

    private final NotificationProperties.@Nullable Smtp smtp;
    private final @Nullable JavaMailSenderImpl sender;

    Mailer(NotificationProperties properties) {
        this.smtp = properties.mail();
        if (smtp != null && !SECURITY.contains(smtp.security().toLowerCase(Locale.ROOT))) {
            throw new IllegalStateException("benchdeck.notifications.smtp.security must be one of " + String.join(", ", SECURITY)
                    + ", not " + smtp.security());
        }
        if (smtp != null && (smtp.from() == null || smtp.from().isBlank())) {
            throw new IllegalStateException("benchdeck.notifications.smtp.from must be set (the sender's address) when smtp.host is");
        }
        this.sender = smtp == null ? null : sender(smtp);
    }

    boolean configured() {
        return sender != null;
    }

    /** Sends one plain-text message to {@code to}; returns what the log shows of the answer. */
    String send(List<String> to, String subject, String text) throws MessagingException {
        if (sender == null || smtp == null) {
            throw new MessagingException("e-mail is not configured on this server (benchdeck.notifications.smtp.host)");
        }
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
        helper.setFrom(new InternetAddress(smtp.from(), true));
        helper.setTo(to.toArray(String[]::new));
        helper.setSubject(subject);
        helper.setText(text, false);
        try {
            sender.send(message);
        } catch (MailException e) {
            // the exception's text names the server and its answer, never the password
            throw new MessagingException(e.getMostSpecificCause().getMessage() == null ? e.getMessage() : e.getMostSpecificCause().getMessage());
        }
        return "accepted by " + smtp.host() + ":" + smtp.port() + " for " + to.size() + (to.size() == 1 ? " recipient" : " recipients");
    }

    private static JavaMailSenderImpl sender(NotificationProperties.Smtp smtp) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(smtp.host());
        sender.setPort(smtp.port());
        sender.setDefaultEncoding(StandardCharsets.UTF_8.name());
        String security = smtp.security().toLowerCase(Locale.ROOT);
        sender.setProtocol(security.equals("ssl") ? "smtps" : "smtp");
        String prefix = "mail." + sender.getProtocol() + ".";
        Properties props = new Properties();
        String millis = String.valueOf(smtp.timeout().toMillis());
        props.put(prefix + "connectiontimeout", millis);
        props.put(prefix + "timeout", millis);
        props.put(prefix + "writetimeout", millis);
        if (security.equals("starttls")) {
            props.put(prefix + "starttls.enable", "true");
            props.put(prefix + "starttls.required", "true");
        }
        if (!security.equals("none")) {
            props.put(prefix + "ssl.checkserveridentity", "true");
        }
        if (smtp.username() != null && !smtp.username().isBlank()) {
            sender.setUsername(smtp.username());
            sender.setPassword(smtp.password());
            props.put(prefix + "auth", "true");
        }
        sender.setJavaMailProperties(props);
        return sender;
    }
}
