package dev.benchdeck.server.notify;

import java.util.Arrays;
import java.util.Optional;

/** What a webhook can be told about. */
public enum WebhookEvent {
    /** any run that ended: completed, failed, cancelled or interrupted */
    RUN_FINISHED("run_finished"),
    /** a run whose thresholds did not all pass */
    THRESHOLDS_FAILED("thresholds_failed"),
    /** a regression alert raised on a completed run */
    REGRESSION_ALERT("regression_alert"),
    /** the test button */
    TEST("test");

    private final String value;

    WebhookEvent(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    static Optional<WebhookEvent> parse(String value) {
        return Arrays.stream(values()).filter(e -> e.value.equals(value) && e != TEST).findFirst();
    }
}
