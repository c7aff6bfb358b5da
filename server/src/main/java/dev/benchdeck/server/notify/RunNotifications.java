package dev.benchdeck.server.notify;

import dev.benchdeck.server.history.RegressionAlertsRaised;
import dev.benchdeck.server.run.RunEnded;
import dev.benchdeck.server.run.RunRepository;
import dev.benchdeck.server.run.RunSummary;
import dev.benchdeck.server.system.Json;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Turns what happened (a run ended, thresholds failed, a regression alert) into webhook and e-mail notifications. */
@Component
public class RunNotifications {

    private static final Logger log = LoggerFactory.getLogger(RunNotifications.class);

    private final WebhookDispatcher dispatcher;
    private final RunRepository runs;
    private final NotificationProperties properties;

    RunNotifications(WebhookDispatcher dispatcher, RunRepository runs, NotificationProperties properties) {
        this.dispatcher = dispatcher;
        this.runs = runs;
        this.properties = properties;
    }

    @EventListener
    void runEnded(RunEnded ended) {
        try {
            RunSummary run = runs.find(ended.runId()).orElse(null);
            if (run == null) {
                return;
            }
            dispatcher.notify(WebhookEvent.RUN_FINISHED, run.id(), payload(WebhookEvent.RUN_FINISHED, run, null,
                    "run " + run.id() + " of \"" + run.scenarioName() + "\" " + run.status().value() + figures(run)));
            if (Boolean.FALSE.equals(run.thresholdsPassed())) {
                dispatcher.notify(WebhookEvent.THRESHOLDS_FAILED, run.id(), payload(WebhookEvent.THRESHOLDS_FAILED, run, null,
                        "run " + run.id() + " of \"" + run.scenarioName() + "\" failed its thresholds" + figures(run)));
            }
        } catch (RuntimeException e) {
            // a notification never fails the run it is about
            log.warn("Run {}: cannot store its notifications ({})", ended.runId(), e.getMessage());
        }
    }

    /** The regression alerts a run's check raised: one notification per run, listing them all. */
    @EventListener
    void regressionAlerts(RegressionAlertsRaised raised) {
        try {
            RunSummary run = runs.find(raised.runId()).orElse(null);
            if (run == null || raised.alerts().isEmpty()) {
                return;
            }
            String first = String.valueOf(raised.alerts().get(0).get("message"));
            int more = raised.alerts().size() - 1;
            String text = (raised.alerts().size() == 1 ? "a regression alert" : raised.alerts().size() + " regression alerts")
                    + " on run " + run.id() + " of \"" + run.scenarioName() + "\": " + first + (more > 0 ? " (and " + more + " more)" : "");
            dispatcher.notify(WebhookEvent.REGRESSION_ALERT, run.id(), payload(WebhookEvent.REGRESSION_ALERT, run, raised.alerts(), text));
        } catch (RuntimeException e) {
            log.warn("Run {}: cannot store its regression notifications ({})", raised.runId(), e.getMessage());
        }
    }

    WebhookDispatcher.Payload test(Webhook hook) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", WebhookEvent.TEST.value());
        body.put("sent_at", Instant.now().toString());
        body.put("webhook", Map.of("id", hook.id(), "name", hook.name()));
        String text = "Benchdeck: a test of the webhook \"" + hook.name() + "\"";
        return new WebhookDispatcher.Payload(Json.write(body), Json.write(Map.of("text", text)), text,
                text + ".\n\nThis address gets Benchdeck's notifications of: " + String.join(", ", hook.events()) + ".\n");
    }

    private WebhookDispatcher.Payload payload(WebhookEvent event, RunSummary run, @Nullable List<Map<String, Object>> alerts, String text) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", event.value());
        body.put("sent_at", Instant.now().toString());
        Map<String, Object> about = new LinkedHashMap<>();
        about.put("id", run.id());
        about.put("scenario_id", run.scenarioId());
        about.put("scenario", run.scenarioName());
        about.put("target", run.targetName());
        about.put("status", run.status().value());
        about.put("thresholds_passed", run.thresholdsPassed());
        about.put("requests", run.requests());
        about.put("throughput", run.throughput());
        about.put("error_rate", run.errorRate());
        about.put("p50_ms", run.p50Ms());
        about.put("p95_ms", run.p95Ms());
        about.put("p99_ms", run.p99Ms());
        about.put("url", link(run.id()));
        body.put("run", about);
        if (alerts != null) {
            body.put("alerts", alerts);
        }
        String slackText = "Benchdeck: " + text + " <" + link(run.id()) + "|open the run>";
        return new WebhookDispatcher.Payload(Json.write(body), Json.write(Map.of("text", slackText, "blocks",
                List.of(Map.of("type", "section", "text", Map.of("type", "mrkdwn", "text", slackText))))),
                "Benchdeck: " + subject(event, run), mailText(text, run, alerts));
    }

    private static String subject(WebhookEvent event, RunSummary run) {
        return switch (event) {
            case THRESHOLDS_FAILED -> "run " + run.id() + " of \"" + run.scenarioName() + "\" failed its thresholds";
            case REGRESSION_ALERT -> "regression on run " + run.id() + " of \"" + run.scenarioName() + "\"";
            default -> "run " + run.id() + " of \"" + run.scenarioName() + "\" " + run.status().value();
        };
    }

    /** The e-mail: what happened, each alert on a line of its own, and the link to the run. */
    private String mailText(String text, RunSummary run, @Nullable List<Map<String, Object>> alerts) {
        StringBuilder mail = new StringBuilder(Character.toUpperCase(text.charAt(0)) + text.substring(1) + ".\n");
        if (alerts != null) {
            mail.append('\n');
            alerts.forEach(alert -> mail.append("- ").append(alert.get("message")).append('\n'));
        }
        mail.append("\nTarget: ").append(run.targetName()).append("\nOpen the run: ").append(link(run.id())).append('\n');
        return mail.toString();
    }

    private String link(long runId) {
        String base = properties.publicUrl() == null ? "" : properties.publicUrl().replaceAll("/+$", "");
        return base + "/runs/" + runId;
    }

    private static String figures(RunSummary run) {
        if (run.throughput() == null || run.p95Ms() == null) {
            return "";
        }
        return String.format(Locale.ROOT, " — %,.1f req/s, p95 %.2f ms, errors %.2f %%", run.throughput(), run.p95Ms(),
                run.errorRate() == null ? 0.0 : run.errorRate() * 100);
    }
}
