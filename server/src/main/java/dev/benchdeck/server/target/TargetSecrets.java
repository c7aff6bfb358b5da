package dev.benchdeck.server.target;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * A target's decrypted secrets, for run time and checks only: request {@code headers} (http), or the
 * database {@code password} and Lakebase {@code token} / {@code client_secret} (postgres), or the
 * {@code apiKey} (llm, automation). Never
 * serialised to clients; {@code toString} shows no value.
 */
public record TargetSecrets(Map<String, String> headers, String password, String lakebaseToken,
                            String lakebaseClientSecret, String apiKey, String adminToken) {

    public static final TargetSecrets NONE = new TargetSecrets(Map.of(), null, null, null, null);

    /** Without a gateway's admin token, which only the server uses (it never goes into a plan). */
    public TargetSecrets(Map<String, String> headers, String password, String lakebaseToken, String lakebaseClientSecret, String apiKey) {
        this(headers, password, lakebaseToken, lakebaseClientSecret, apiKey, null);
    }

    public TargetSecrets {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    /**
     * Puts the secrets into a plan tree for execution: headers into {@code workload.headers} (the
     * plan's own headers stay, the target's win), the password, Lakebase secrets and API key into {@code target}.
     */
    public void addTo(ObjectNode plan) {
        if (!headers.isEmpty() && plan.get("workload") instanceof ObjectNode workload) {
            ObjectNode existing = workload.get("headers") instanceof ObjectNode h ? h : workload.putObject("headers");
            headers.forEach(existing::put);
        }
        if (plan.get("target") instanceof ObjectNode target) {
            if (password != null) {
                // an ingest plan's password is its sink's
                (target.get("sink") instanceof ObjectNode sink ? sink : target).put("password", password);
            }
            if (apiKey != null) {
                target.put("api_key", apiKey);
            }
            if (target.get("lakebase") instanceof ObjectNode lakebase) {
                if (lakebaseToken != null) {
                    lakebase.put("token", lakebaseToken);
                }
                if (lakebaseClientSecret != null) {
                    lakebase.put("client_secret", lakebaseClientSecret);
                }
            }
        }
    }

    @Override
    public String toString() {
        return "TargetSecrets[headers=" + headers.keySet() + (password != null ? ", password=***" : "")
                + (lakebaseToken != null ? ", lakebase.token=***" : "")
                + (lakebaseClientSecret != null ? ", lakebase.client_secret=***" : "")
                + (apiKey != null ? ", api_key=***" : "") + (adminToken != null ? ", admin_token=***" : "") + "]";
    }
}
