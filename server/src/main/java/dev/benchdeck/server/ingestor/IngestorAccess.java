package dev.benchdeck.server.ingestor;

import dev.benchdeck.server.system.UnprocessableException;
import dev.benchdeck.server.target.Target;
import dev.benchdeck.server.target.TargetKinds;
import dev.benchdeck.server.target.TargetService;
import org.springframework.stereotype.Component;

/** The client of a stored ingestor target, with its decrypted admin token (which stays in the server). */
@Component
class IngestorAccess {

    private final TargetService targets;

    IngestorAccess(TargetService targets) {
        this.targets = targets;
    }

    /** The stored ingestor target: 404 for an unknown target, 422 for one of another kind. */
    Target target(long targetId) {
        Target target = targets.get(targetId);
        if (!TargetKinds.INGESTOR.equals(target.kind())) {
            throw new UnprocessableException("target " + targetId + " is an " + target.kind()
                    + " target; this is for ingestor targets");
        }
        return target;
    }

    IngestorClient client(Target ingestor) {
        return new IngestorClient(ingestor.url(), targets.secrets(ingestor).adminToken());
    }
}
