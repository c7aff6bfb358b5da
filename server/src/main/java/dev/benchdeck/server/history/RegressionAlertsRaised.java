package dev.benchdeck.server.history;

import java.util.List;
import java.util.Map;

/**
 * New regression alerts of one checked run, published once per run after they are stored (notifications hear it).
 * {@code alerts} are their JSON shapes: {@code run_id} (a change point may mark an earlier run), step, metric, test,
 * value, baseline, message, details.
 */
public record RegressionAlertsRaised(long runId, List<Map<String, Object>> alerts) {

    public RegressionAlertsRaised {
        alerts = List.copyOf(alerts);
    }
}
