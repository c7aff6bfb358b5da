package dev.benchdeck.server.notify;

import dev.benchdeck.server.audit.AuditLog;
import dev.benchdeck.server.security.CurrentActor;
import dev.benchdeck.server.security.Secrets;
import dev.benchdeck.server.system.BadRequestException;
import dev.benchdeck.server.system.FieldProblem;
import dev.benchdeck.server.system.NotFoundException;
import dev.benchdeck.server.target.CredentialCipher;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/** Webhooks: admins create, change, test and delete them; the secret is made here and shown once. */
@Service
class WebhookService {

    private static final int DELIVERY_LOG = 50;
    private static final int MAX_RECIPIENTS = 10;
    private static final List<String> ALL_EVENTS = Arrays.stream(WebhookEvent.values())
            .filter(e -> e != WebhookEvent.TEST).map(WebhookEvent::value).toList();

    private final WebhookRepository repository;
    private final CredentialCipher cipher;
    private final WebhookDispatcher dispatcher;
    private final RunNotifications notifications;
    private final AuditLog audit;
    private final Mailer mailer;

    WebhookService(WebhookRepository repository, CredentialCipher cipher, WebhookDispatcher dispatcher, RunNotifications notifications,
                   AuditLog audit, Mailer mailer) {
        this.mailer = mailer;
        this.repository = repository;
        this.cipher = cipher;
        this.dispatcher = dispatcher;
        this.notifications = notifications;
        this.audit = audit;
    }

    List<Webhook> list() {
        return repository.list();
    }

    Webhook get(long id) {
        return repository.find(id).orElseThrow(() -> new NotFoundException("webhook", id));
    }

    WebhookCreated create(WebhookRequest request) {
        Checked checked = check(request);
        String secret = Secrets.token("whsec_");
        long id = repository.insert(checked.name, checked.url, checked.format, checked.events, checked.enabled, cipher.encrypt(secret),
                CurrentActor.userId());
        audit.record("webhook_created", "webhook", id, Map.of("name", checked.name, "events", checked.events));
        return new WebhookCreated(get(id), secret);
    }

    Webhook update(long id, WebhookRequest request) {
        get(id);
        Checked checked = check(request);
        repository.update(id, checked.name, checked.url, checked.format, checked.events, checked.enabled);
        audit.record("webhook_changed", "webhook", id, Map.of("name", checked.name, "events", checked.events, "enabled", checked.enabled));
        return get(id);
    }

    void delete(long id) {
        Webhook hook = get(id);
        repository.delete(id);
        audit.record("webhook_deleted", "webhook", id, Map.of("name", hook.name()));
    }

    /** Sends a test notification (stored and retried like any other); returns its delivery. */
    WebhookDelivery test(long id) {
        Webhook hook = get(id);
        long delivery = dispatcher.enqueue(hook, WebhookEvent.TEST, null, notifications.test(hook));
        return repository.delivery(delivery).orElseThrow();
    }

    List<WebhookDelivery> deliveries(long id) {
        get(id);
        return repository.deliveries(id, DELIVERY_LOG);
    }

    private Checked check(WebhookRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        String url = request.url() == null ? "" : request.url().strip();
        String format = request.format() == null ? (url.startsWith(WebhookDispatcher.MAILTO) ? "email" : "json") : request.format();
        problems.addAll(format.equals("email") ? mailtoProblems(url) : urlProblems(url));
        if (!List.of("json", "slack", "email").contains(format)) {
            problems.add(new FieldProblem("format", "must be json, slack or email"));
        } else if (format.equals("email") && !mailer.configured()) {
            problems.add(new FieldProblem("format", "e-mail needs an SMTP server: set benchdeck.notifications.smtp.host"
                    + " (and from, username, password) in the server's configuration"));
        }
        List<String> events = request.events() == null || request.events().isEmpty() ? ALL_EVENTS : request.events();
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i) == null || WebhookEvent.parse(events.get(i)).isEmpty()) {
                problems.add(new FieldProblem("events[" + i + "]", "must be one of " + String.join(", ", ALL_EVENTS)));
            }
        }
        if (!problems.isEmpty()) {
            throw new BadRequestException("the webhook is not valid", problems);
        }
        return new Checked(request.name().strip(), url, format, List.copyOf(new LinkedHashSet<>(events)),
                request.enabled() == null || request.enabled());
    }

    /** An absolute http(s) URL with a host, no user:password@ and nothing that could split a request line. */
    static List<FieldProblem> urlProblems(String url) {
        if (url.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
            return List.of(new FieldProblem("url", "must not contain spaces or control characters"));
        }
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null || !(uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"))) {
                return List.of(new FieldProblem("url", "must be an http:// or https:// URL"));
            }
            if (uri.getHost() == null || uri.getHost().isEmpty()) {
                return List.of(new FieldProblem("url", "must name a host"));
            }
            if (uri.getRawUserInfo() != null) {
                return List.of(new FieldProblem("url", "must not contain a user name or password (user:password@)"));
            }
            return List.of();
        } catch (URISyntaxException e) {
            return List.of(new FieldProblem("url", "is not a URL: " + e.getReason()));
        }
    }

    /** {@code mailto:} and 1–10 comma-separated addresses, each local@domain without spaces or control characters. */
    static List<FieldProblem> mailtoProblems(String url) {
        if (!url.startsWith(WebhookDispatcher.MAILTO)) {
            return List.of(new FieldProblem("url", "an e-mail webhook's url is mailto: and its addresses, e.g. mailto:perf@example.com,ops@example.com"));
        }
        List<String> addresses = WebhookDispatcher.recipients(url);
        if (addresses.isEmpty() || addresses.size() > MAX_RECIPIENTS) {
            return List.of(new FieldProblem("url", "give 1 to " + MAX_RECIPIENTS + " addresses after mailto:, comma-separated"));
        }
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < addresses.size(); i++) {
            if (!addresses.get(i).matches("[^@\\s\\p{Cntrl},;<>\"]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}")) {
                problems.add(new FieldProblem("url", "address " + (i + 1) + " is not an e-mail address (local@domain)"));
            }
        }
        return problems;
    }

    private record Checked(String name, String url, String format, List<String> events, boolean enabled) {
    }
}
