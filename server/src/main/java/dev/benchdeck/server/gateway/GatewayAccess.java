package dev.benchdeck.server.gateway;

import dev.benchdeck.driver.llm.gateway.GatewayAdmin;
import dev.benchdeck.server.system.UnprocessableException;
import dev.benchdeck.server.target.Target;
import dev.benchdeck.server.target.TargetKinds;
import dev.benchdeck.server.target.TargetService;
import org.springframework.stereotype.Component;

/** The admin client of a stored gateway target, with its decrypted admin token (which stays in the server). */
@Component
class GatewayAccess {

    private final TargetService targets;

    GatewayAccess(TargetService targets) {
        this.targets = targets;
    }

    /** 404 for an unknown target, 422 for one of another kind. */
    GatewayAdmin admin(long targetId) {
        return admin(target(targetId));
    }

    GatewayAdmin admin(Target gateway) {
        return new GatewayAdmin(gateway.url(), targets.secrets(gateway).adminToken());
    }

    /** The stored gateway target: 404 for an unknown target, 422 for one of another kind. */
    Target target(long targetId) {
        Target target = targets.get(targetId);
        if (!TargetKinds.GATEWAY.equals(target.kind())) {
            throw new UnprocessableException("target " + targetId + " is an " + target.kind()
                    + " target; this is for gateway targets");
        }
        return target;
    }
}
