package dev.benchdeck.server.target;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.benchdeck.engine.plan.InvalidPlanException;
import dev.benchdeck.engine.plan.PlanReader;
import dev.benchdeck.engine.plan.Problem;
import dev.benchdeck.server.system.Json;
import dev.benchdeck.server.system.NotFoundException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/** Writes targets after checking their URL and options with the driver, and hands out their run-time settings. */
@Service
public class TargetService {

    private final TargetRepository targets;
    private final CredentialCipher cipher;
    private final PlanReader planReader;

    TargetService(TargetRepository targets, CredentialCipher cipher, PlanReader planReader) {
        this.targets = targets;
        this.cipher = cipher;
        this.planReader = planReader;
    }

    public Target get(long id) {
        return targets.find(id).orElseThrow(() -> new NotFoundException("target", id));
    }

    Target create(TargetRequest request) {
        check(request);
        long id = targets.insert(request.name().strip(), kind(request), request.url().strip(), options(request),
                encrypted(request.credentials()));
        return get(id);
    }

    Target update(long id, TargetRequest request) {
        check(request);
        boolean keep = request.credentials() == null;
        if (!targets.update(id, request.name().strip(), kind(request), request.url().strip(), options(request), keep,
                keep ? null : encrypted(request.credentials()))) {
            throw new NotFoundException("target", id);
        }
        return get(id);
    }

    /** The plan's {@code target} section for this target: its URL and options. */
    public ObjectNode planTarget(Target target) {
        ObjectNode node = Json.mapper().valueToTree(target.options());
        node.put("url", target.url());
        return node;
    }

    /** The credential headers to add to each request, decrypted; empty when there are none. */
    @SuppressWarnings("unchecked")
    public Map<String, String> credentialHeaders(long targetId) {
        return targets.credentials(targetId)
                .map(bytes -> (Map<String, String>) Json.read(cipher.decrypt(bytes), Map.class))
                .orElse(Map.of());
    }

    private byte[] encrypted(TargetRequest.Credentials credentials) {
        if (credentials == null || credentials.headers() == null || credentials.headers().isEmpty()) {
            return null;
        }
        return cipher.encrypt(Json.write(credentials.headers()));
    }

    private static String kind(TargetRequest request) {
        return request.kind() == null ? "http" : request.kind();
    }

    private static Map<String, Object> options(TargetRequest request) {
        return request.options() == null ? Map.of() : new LinkedHashMap<>(request.options());
    }

    /** Checks the URL and options as the http driver will read them, reporting paths of the request body. */
    private void check(TargetRequest request) {
        ObjectNode plan = Json.mapper().createObjectNode();
        plan.put("name", "target check");
        ObjectNode target = Json.mapper().valueToTree(options(request));
        target.put("url", request.url().strip());
        plan.set("target", target);
        plan.putObject("workload").put("driver", kind(request));
        plan.putObject("load").put("users", 1);
        try {
            planReader.read(plan);
        } catch (InvalidPlanException e) {
            List<Problem> problems = new ArrayList<>();
            for (Problem p : e.problems()) {
                if (p.path().equals("target.url")) {
                    problems.add(new Problem("url", p.message()));
                } else if (p.path().startsWith("target.")) {
                    problems.add(new Problem("options." + p.path().substring("target.".length()), p.message()));
                } else if (p.path().equals("target")) {
                    problems.add(new Problem("options", p.message()));
                }
            }
            if (!problems.isEmpty()) {
                throw new InvalidPlanException(problems);
            }
        }
    }
}
