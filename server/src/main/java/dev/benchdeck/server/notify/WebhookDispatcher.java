package dev.benchdeck.server.notify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchdeck.server.system.Json;
import dev.benchdeck.server.target.CredentialCipher;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Delivers notifications (over HTTP, or over SMTP to a {@code mailto:} webhook): each is stored first (so a restart loses none), tried at once on a small pool, and tried
 * again after {@code firstRetry}, twice that, … until {@code attempts} are used. A 2xx answer delivers it; anything
 * else (another status, a timeout, a refused connection) is a failed attempt kept in the delivery log.
 */
@Component
class WebhookDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final int ANSWER_EXCERPT = 500;
    private static final int DUE_BATCH = 50;
    static final String MAILTO = "mailto:";

    private final WebhookRepository repository;
    private final CredentialCipher cipher;
    private final NotificationProperties properties;
    private final HttpClient http;
    private final Mailer mailer;
    private ExecutorService senders;
    private ScheduledExecutorService retries;

    WebhookDispatcher(WebhookRepository repository, CredentialCipher cipher, NotificationProperties properties, Mailer mailer) {
        this.repository = repository;
        this.mailer = mailer;
        this.cipher = cipher;
        this.properties = properties;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Stores one delivery per subscribed webhook and tries each at once; returns the delivery ids. */
    List<Long> notify(WebhookEvent event, @Nullable Long runId, Payload payload) {
        return repository.subscribers(event).stream()
                .map(s -> enqueue(s.webhook(), event, runId, payload)).toList();
    }

    /** Stores one delivery to one webhook (the test button) and tries it at once. */
    long enqueue(Webhook hook, WebhookEvent event, @Nullable Long runId, Payload payload) {
        String body = switch (hook.format()) {
            case "slack" -> payload.slack();
            case "email" -> payload.mail();
            default -> payload.json();
        };
        long id = repository.insertDelivery(hook.id(), event, runId, body, Instant.now());
        ExecutorService pool = senders;
        if (pool != null) {
            pool.execute(() -> attempt(id));
        }
        return id;
    }

    /** One attempt, if the delivery is still due (the poller and the first try never send it at once). */
    void attempt(long deliveryId) {
        Instant now = Instant.now();
        var claimed = repository.claim(deliveryId, now, now.plus(properties.timeout().multipliedBy(3)));
        if (claimed.isEmpty()) {
            return;
        }
        var delivery = claimed.get();
        Attempt attempt = delivery.url().startsWith(MAILTO) ? mail(delivery) : post(delivery, now);
        Integer status = attempt.status();
        String error = attempt.error();
        String answer = attempt.answer();
        Instant done = Instant.now();
        int attempts = delivery.attempts() + 1;
        if (error == null) {
            repository.attempted(delivery.id(), "delivered", null, status, null, answer, done);
        } else if (attempts >= properties.attempts()) {
            log.warn("Webhook {}: delivery {} failed after {} attempts ({})", delivery.webhookId(), delivery.id(), attempts, error);
            repository.attempted(delivery.id(), "failed", null, status, error, answer, done);
        } else {
            Duration wait = properties.firstRetry().multipliedBy(1L << Math.min(attempts - 1, 20));
            repository.attempted(delivery.id(), "pending", done.plus(wait), status, error, answer, done);
        }
    }

    /** What one try gave: the HTTP status (none for e-mail), the error when it failed, the answer for the log. */
    private record Attempt(@Nullable Integer status, @Nullable String error, @Nullable String answer) {
    }

    private Attempt post(WebhookRepository.Claimed delivery, Instant now) {
        try {
            String secret = cipher.decrypt(delivery.secret());
            String signature = WebhookSignature.sign(secret, now.getEpochSecond(), delivery.body());
            HttpRequest request = HttpRequest.newBuilder(URI.create(delivery.url())).timeout(properties.timeout())
                    .header("Content-Type", "application/json").header("User-Agent", "Benchdeck-Webhook")
                    .header(WebhookSignature.HEADER, signature).header("X-Benchdeck-Delivery", String.valueOf(delivery.id()))
                    .POST(HttpRequest.BodyPublishers.ofString(delivery.body(), StandardCharsets.UTF_8)).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            return new Attempt(status, status / 100 == 2 ? null : "answered " + status, excerpt(response.body()));
        } catch (IOException | IllegalArgumentException e) {
            return new Attempt(null, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attempt(null, "the server stopped during the attempt", null);
        }
    }

    private Attempt mail(WebhookRepository.Claimed delivery) {
        try {
            JsonNode mail = Json.read(delivery.body());
            return new Attempt(null, null, mailer.send(recipients(delivery.url()), mail.path("subject").asText(), mail.path("text").asText()));
        } catch (MessagingException | RuntimeException e) {
            return new Attempt(null, "e-mail not sent: " + e.getMessage(), null);
        }
    }

    /** The addresses of a {@code mailto:a@example.com,b@example.com} URL. */
    static List<String> recipients(String mailto) {
        return java.util.Arrays.stream(mailto.substring(MAILTO.length()).split(",")).map(String::strip)
                .filter(a -> !a.isEmpty()).toList();
    }

    private void retryDue() {
        try {
            repository.due(Instant.now(), DUE_BATCH).forEach(this::attempt);
        } catch (RuntimeException e) {
            log.warn("Webhooks: cannot look for due deliveries now ({})", e.getMessage());
        }
    }

    private static @Nullable String excerpt(@Nullable String body) {
        if (body == null) {
            return null;
        }
        String printable = body.replaceAll("[\\p{Cntrl}&&[^\n\t]]", "?");
        return printable.length() <= ANSWER_EXCERPT ? printable : printable.substring(0, ANSWER_EXCERPT) + "…";
    }

    @Override
    public synchronized void start() {
        senders = Executors.newFixedThreadPool(2, Thread.ofPlatform().name("benchdeck-webhook-", 0).daemon().factory());
        retries = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("benchdeck-webhook-retries").daemon().factory());
        long poll = properties.retryPoll().toMillis();
        retries.scheduleWithFixedDelay(this::retryDue, poll, poll, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (retries != null) {
            retries.shutdownNow();
            senders.shutdownNow();
            retries = null;
            senders = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return retries != null;
    }

    /** A notification's bodies: Benchdeck's JSON, a Slack-compatible one, and an e-mail (subject and text). */
    record Payload(String json, String slack, String subject, String text) {

        /** The e-mail as a delivery stores it. */
        String mail() {
            return Json.write(java.util.Map.of("subject", subject, "text", text));
        }
    }
}
