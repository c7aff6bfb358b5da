package dev.benchdeck.server.target;

import dev.benchdeck.server.system.UnprocessableException;
import org.springframework.stereotype.Service;

/** Runs connection and query checks against a stored target with its decrypted secrets. */
@Service
class TargetChecks {

    private final TargetService targets;

    TargetChecks(TargetService targets) {
        this.targets = targets;
    }

    Object connection(long id) {
        Target target = targets.get(id);
        return HttpCheck.run(target.url(), targets.secrets(target));
    }

    Object query(long id, String sql) {
        Target target = targets.get(id);
        throw new UnprocessableException("target " + id + " is an " + target.kind() + " target; query checks are for postgres targets");
    }
}
