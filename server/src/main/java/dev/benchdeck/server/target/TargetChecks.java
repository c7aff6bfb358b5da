package dev.benchdeck.server.target;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.benchdeck.driver.jdbc.check.CheckStep;
import dev.benchdeck.driver.jdbc.check.ConnectionCheck;
import dev.benchdeck.driver.jdbc.check.ConnectionReport;
import dev.benchdeck.driver.jdbc.check.QueryCheck;
import dev.benchdeck.driver.jdbc.check.QueryReport;
import dev.benchdeck.driver.jdbc.config.JdbcTarget;
import dev.benchdeck.driver.jdbc.config.TargetReader;
import dev.benchdeck.engine.plan.ConfigNode;
import dev.benchdeck.engine.plan.Problems;
import dev.benchdeck.server.system.Json;
import dev.benchdeck.server.system.UnprocessableException;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Runs connection and query checks against a stored target with its decrypted secrets, which go
 * into the driver's settings for the check only and never into an answer.
 */
@Service
class TargetChecks {

    static final String INVALID_SETTINGS = "invalid_settings";

    private final TargetService targets;

    TargetChecks(TargetService targets) {
        this.targets = targets;
    }

    /**
     * A postgres target's {@link ConnectionReport}, or an {@link HttpCheck.Report}: a GET of an http
     * target's URL, an llm target's {@link LlmCheck}, a GET of an automation's base URL with its key.
     */
    Object connection(long id) {
        Target target = targets.get(id);
        if (TargetKinds.LLM.equals(target.kind())) {
            return LlmCheck.run(target, targets.secrets(target));
        }
        if (TargetKinds.GATEWAY.equals(target.kind())) {
            return GatewayCheck.run(target, targets.secrets(target));
        }
        if (TargetKinds.INGESTOR.equals(target.kind())) {
            return IngestorCheck.run(target);
        }
        if (TargetKinds.AUTOMATION.equals(target.kind())) {
            return LlmCheck.automation(target, targets.secrets(target));
        }
        if (!TargetKinds.POSTGRES.equals(target.kind())) {
            return HttpCheck.run(target.url(), targets.secrets(target));
        }
        Settings settings = settings(target);
        if (settings.target() == null) {
            return new ConnectionReport(false, null, null, null, null, null, null, INVALID_SETTINGS, settings.problems(),
                    List.of(new CheckStep("settings", CheckStep.FAILED, 0, settings.problems())));
        }
        return ConnectionCheck.run(settings.target());
    }

    QueryReport query(long id, String sql) {
        Target target = targets.get(id);
        if (!TargetKinds.POSTGRES.equals(target.kind())) {
            throw new UnprocessableException("target " + id + " is an " + target.kind()
                    + " target; query checks are for postgres targets");
        }
        Settings settings = settings(target);
        if (settings.target() == null) {
            return new QueryReport(false, null, null, false, List.of(), null, INVALID_SETTINGS, null, settings.problems(), null);
        }
        return QueryCheck.run(settings.target(), sql);
    }

    /** The driver's view of the target with its secrets, or the problems that keep it from one. */
    private Settings settings(Target target) {
        ObjectNode plan = Json.mapper().createObjectNode();
        plan.set("target", targets.planTarget(target));
        targets.secrets(target).addTo(plan);
        Problems problems = new Problems();
        JdbcTarget jdbc = TargetReader.read(new ConfigNode(plan.get("target"), "options", problems));
        String text = problems.list().stream().map(p -> p.path() + ": " + p.message()).collect(Collectors.joining("; "));
        return new Settings(problems.isEmpty() ? jdbc : null, text);
    }

    private record Settings(JdbcTarget target, String problems) {
    }
}
