package dev.benchdeck.server.target;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.benchdeck.driver.jdbc.check.CheckErrors;
import dev.benchdeck.driver.jdbc.check.QueryCheck;
import dev.benchdeck.driver.jdbc.check.QueryReport;
import dev.benchdeck.driver.jdbc.config.JdbcTarget;
import dev.benchdeck.driver.jdbc.config.TargetReader;
import dev.benchdeck.engine.driver.Drivers;
import dev.benchdeck.engine.driver.TargetCheck;
import dev.benchdeck.engine.plan.ConfigNode;
import dev.benchdeck.engine.plan.Problems;
import dev.benchdeck.server.system.Json;
import dev.benchdeck.server.system.UnprocessableException;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Runs connection and query checks against a stored target with its decrypted secrets, which go
 * into the driver's settings for the check only and never into an answer. The connection check is
 * the one the driver of the target's kind offers, so a new kind brings its own.
 */
@Service
class TargetChecks {

    private final Drivers drivers = Drivers.discover();
    private final TargetService targets;

    TargetChecks(TargetService targets) {
        this.targets = targets;
    }

    /** What the connection check of the target's kind found, as its driver reports it. */
    TargetCheck.Report connection(long id) {
        Target target = targets.get(id);
        return offeredCheck(drivers, target.kind(), targets.driverSettings(target)).run();
    }

    /** The check the driver of this kind of target offers; 422 when it offers none. */
    static TargetCheck offeredCheck(Drivers drivers, String kind, JsonNode settings) {
        String driver = TargetKinds.driver(kind);
        return drivers.find(driver).flatMap(factory -> factory.check(kind, settings))
                .orElseThrow(() -> new UnprocessableException("targets of kind " + kind + " have no connection check: their driver, "
                        + driver + ", offers none"));
    }

    QueryReport query(long id, String sql) {
        Target target = targets.get(id);
        if (!TargetKinds.POSTGRES.equals(target.kind())) {
            throw new UnprocessableException("target " + id + " is an " + target.kind()
                    + " target; query checks are for postgres targets");
        }
        Settings settings = settings(target);
        if (settings.target() == null) {
            return new QueryReport(false, null, null, false, List.of(), null, CheckErrors.INVALID_SETTINGS, null, settings.problems(), null);
        }
        return QueryCheck.run(settings.target(), sql);
    }

    /** The driver's view of a postgres target with its secrets, or the problems that keep it from one. */
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
