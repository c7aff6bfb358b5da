package dev.benchdeck.server.target;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchdeck.engine.plan.Problem;
import dev.benchdeck.server.system.HardeningProperties;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Which environment variables a plan on the server may read as secrets ({@code password_env},
 * {@code api_key_env}): only those with the configured prefix ({@code BENCHDECK_SECRET_} by default),
 * so that a plan cannot send the server's {@code HOME}, database password or cloud keys to a target.
 * The CLI, running as its user, reads any variable.
 */
@Component
public class SecretEnvironment {

    /** The plan fields of a {@code target} section that name an environment variable. */
    static final List<String> ENV_FIELDS = List.of("password_env", "api_key_env");

    private final String prefix;

    SecretEnvironment(HardeningProperties properties) {
        this.prefix = properties.secretEnvPrefix();
    }

    public String prefix() {
        return prefix;
    }

    /** Problems of a plan's {@code target} section (or a target's options) at {@code path}.field. */
    public List<Problem> problems(JsonNode target, String path) {
        List<Problem> problems = new ArrayList<>();
        if (target == null || !target.isObject()) {
            return problems;
        }
        if (target.get("sink") != null && target.get("sink").isObject()) {
            // the ingest driver reads its sink's password_env too
            problems.addAll(problems(target.get("sink"), path + ".sink"));
        }
        for (String field : ENV_FIELDS) {
            JsonNode name = target.get(field);
            if (name != null && !name.isNull() && !(name.isTextual() && allowed(name.asText()))) {
                problems.add(new Problem(path + "." + field, "on the server, only environment variables whose names start with "
                        + prefix + " can be read (set benchdeck.security.secret-env-prefix to change it), or store the secret as the target's credentials"));
            }
        }
        return problems;
    }

    boolean allowed(String name) {
        return prefix.isEmpty() || (name.startsWith(prefix) && name.length() > prefix.length()); // empty: any variable (opt-in)
    }
}
