package dev.benchdeck.server.target;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.benchdeck.engine.plan.InvalidPlanException;
import dev.benchdeck.engine.plan.PlanReader;
import dev.benchdeck.engine.plan.Problem;
import dev.benchdeck.server.audit.AuditLog;
import dev.benchdeck.server.system.Json;
import dev.benchdeck.server.system.NotFoundException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Writes targets after checking their settings with the driver that will use them, keeps their
 * secrets encrypted, and hands out their plan sections (without secrets) and, for runs and checks,
 * their decrypted secrets.
 */
@Service
public class TargetService {

    private static final String PLACEHOLDER_SECRET = "placeholder";

    private final TargetRepository targets;
    private final CredentialCipher cipher;
    private final PlanReader planReader;
    private final SecretEnvironment secretEnvironment;
    private final AuditLog audit;

    TargetService(TargetRepository targets, CredentialCipher cipher, PlanReader planReader, SecretEnvironment secretEnvironment,
                  AuditLog audit) {
        this.targets = targets;
        this.cipher = cipher;
        this.planReader = planReader;
        this.secretEnvironment = secretEnvironment;
        this.audit = audit;
    }

    public Target get(long id) {
        return targets.find(id).orElseThrow(() -> new NotFoundException("target", id));
    }

    public java.util.Optional<Target> find(long id) {
        return targets.find(id);
    }

    Target create(TargetRequest request) {
        String kind = request.kindOrDefault();
        refuseUnsendable(request);
        check(request, secretsOf(kind, request.credentials()));
        long id = targets.insert(request.name().strip(), kind, url(request), options(request), encrypted(kind, request.credentials()));
        Target created = get(id);
        audit.record("target_created", "target", id, auditDetail(created, request.credentials() != null && !request.credentials().isEmpty()));
        return created;
    }

    void delete(long id) {
        Target target = get(id);
        if (!targets.delete(id)) {
            throw new NotFoundException("target", id);
        }
        audit.record("target_deleted", "target", id, Map.of("name", target.name(), "kind", target.kind()));
    }

    /** Names, kind, address and whether secrets were stored or dropped; the secrets themselves never. */
    private static Map<String, Object> auditDetail(Target target, boolean secretsGiven) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("name", target.name());
        detail.put("kind", target.kind());
        detail.put("url", target.url());
        detail.put("has_credentials", target.hasCredentials());
        detail.put("credentials_given", secretsGiven);
        return detail;
    }

    Target update(long id, TargetRequest request) {
        Target existing = get(id);
        String kind = request.kindOrDefault();
        refuseUnsendable(request);
        // stored secrets of another kind mean nothing to the new one, and must never follow the target to a new address
        boolean keep = request.credentials() == null && existing.kind().equals(kind)
                && TargetDestination.of(existing.kind(), existing.url(), existing.options())
                .equals(TargetDestination.of(kind, url(request), options(request)));
        check(request, keep ? secrets(existing) : secretsOf(kind, request.credentials()));
        if (!targets.update(id, request.name().strip(), kind, url(request), options(request), keep,
                keep ? null : encrypted(kind, request.credentials()))) {
            throw new NotFoundException("target", id);
        }
        Target updated = get(id);
        Map<String, Object> detail = auditDetail(updated, request.credentials() != null && !request.credentials().isEmpty());
        detail.put("credentials_dropped", existing.hasCredentials() && request.credentials() == null && !keep);
        audit.record("target_updated", "target", id, detail);
        return updated;
    }

    /** Header names, values and keys that cannot go on the wire, and URLs with user info: 400 with their paths. */
    private static void refuseUnsendable(TargetRequest request) {
        List<Problem> problems = TargetInputRules.problems(request);
        if (!problems.isEmpty()) {
            throw new dev.benchdeck.server.system.BadRequestException("the request body has invalid fields",
                    problems.stream().map(p -> new dev.benchdeck.server.system.FieldProblem(p.path(), p.message())).toList());
        }
    }

    /** Creates a postgres target with its password, checked like one written through the API (the built-in demo's). */
    public Target createPostgres(String name, Map<String, Object> options, String password) {
        return create(new TargetRequest(name, TargetKinds.POSTGRES, null, options,
                new TargetRequest.Credentials(null, password, null, null)));
    }

    /** Points a postgres target at another port of its host (the embedded PostgreSQL moved), keeping its secrets. */
    public void movePostgresPort(long id, int port) {
        Target target = get(id);
        Map<String, Object> options = new LinkedHashMap<>(target.options());
        options.put("port", port);
        targets.updateOptions(id, PostgresTargets.displayUrl(options), options);
    }

    /** The plan's {@code target} section for this target, without secrets. */
    public ObjectNode planTarget(Target target) {
        if (TargetKinds.GATEWAY.equals(target.kind())) {
            return GatewayTargets.planTarget(target.url());
        }
        if (TargetKinds.INGESTOR.equals(target.kind())) {
            return IngestorTargets.planTarget(target.url(), target.options());
        }
        if (TargetKinds.usesApiKey(target.kind())) {
            return LlmTargets.planTarget(target.kind(), target.url(), TargetMetrics.withoutMetrics(target.options()));
        }
        ObjectNode node = Json.mapper().valueToTree(TargetMetrics.withoutMetrics(target.options()));
        if (!TargetKinds.POSTGRES.equals(target.kind())) {
            node.put("url", target.url());
        }
        return node;
    }

    /**
     * The target as its driver factory reads it for a connection check or telemetry: the plan's {@code target}
     * section with every secret in place (password, Lakebase secrets, API key, a gateway's or ingestor's
     * {@code admin_token}), plus what the target gives each workload on it: an http target's {@code headers}, an
     * llm target's default {@code model}. Never logged, never answered.
     */
    public ObjectNode driverSettings(Target target) {
        ObjectNode plan = Json.mapper().createObjectNode();
        plan.set("target", planTarget(target));
        TargetSecrets secrets = secrets(target);
        secrets.addTo(plan);
        ObjectNode settings = GatewayTargets.withAdminToken((ObjectNode) plan.get("target"), secrets);
        if (!secrets.headers().isEmpty()) {
            settings.set("headers", Json.mapper().valueToTree(secrets.headers()));
        }
        LlmTargets.defaultModel(target.kind(), target.options()).ifPresent(model -> settings.put("model", model));
        return settings;
    }

    /**
     * Fills what a scenario's {@code llm} workload leaves out from the target: an llm target's default
     * model, an automation's api, path and body with its default inputs (see {@link LlmTargets}).
     */
    public void fillWorkloadDefaults(Target target, ObjectNode plan) {
        LlmTargets.fillWorkloadDefaults(target.kind(), target.options(), plan);
    }

    /** The target's secrets, decrypted, for a run or a check; {@link TargetSecrets#NONE} when it has none. */
    public TargetSecrets secrets(Target target) {
        return targets.credentials(target.id())
                .map(bytes -> decode(target.kind(), cipher.decrypt(bytes)))
                .orElse(TargetSecrets.NONE);
    }

    /** The secrets of the target with this id, or none when it is gone. */
    public TargetSecrets secrets(long targetId) {
        return targets.find(targetId).map(this::secrets).orElse(TargetSecrets.NONE);
    }

    private static TargetSecrets decode(String kind, String json) {
        JsonNode node = Json.read(json);
        if (TargetKinds.POSTGRES.equals(kind)) {
            return new TargetSecrets(Map.of(), textOrNull(node, "password"), textOrNull(node, "lakebase_token"),
                    textOrNull(node, "lakebase_client_secret"), null);
        }
        if (TargetKinds.usesApiKey(kind)) {
            return new TargetSecrets(Map.of(), null, null, null, textOrNull(node, "api_key"));
        }
        if (TargetKinds.GATEWAY.equals(kind)) {
            return GatewayTargets.secrets(textOrNull(node, GatewayTargets.ADMIN_TOKEN));
        }
        if (TargetKinds.INGESTOR.equals(kind)) {
            return IngestorTargets.secrets(textOrNull(node, "password"), textOrNull(node, GatewayTargets.ADMIN_TOKEN));
        }
        Map<String, String> headers = new LinkedHashMap<>();
        node.properties().forEach(e -> headers.put(e.getKey(), e.getValue().asText()));
        return new TargetSecrets(headers, null, null, null, null);
    }

    private static TargetSecrets secretsOf(String kind, TargetRequest.Credentials credentials) {
        if (credentials == null || credentials.isEmpty()) {
            return TargetSecrets.NONE;
        }
        if (TargetKinds.POSTGRES.equals(kind)) {
            var lakebase = credentials.lakebase();
            return new TargetSecrets(Map.of(), nonBlank(credentials.password()),
                    lakebase == null ? null : nonBlank(lakebase.token()), lakebase == null ? null : nonBlank(lakebase.clientSecret()), null);
        }
        if (TargetKinds.usesApiKey(kind)) {
            return new TargetSecrets(Map.of(), null, null, null, nonBlank(credentials.apiKey()));
        }
        if (TargetKinds.GATEWAY.equals(kind)) {
            return GatewayTargets.secrets(nonBlank(credentials.adminToken()));
        }
        if (TargetKinds.INGESTOR.equals(kind)) {
            return IngestorTargets.secrets(nonBlank(credentials.password()), nonBlank(credentials.adminToken()));
        }
        return new TargetSecrets(credentials.headers(), null, null, null, null);
    }

    private byte[] encrypted(String kind, TargetRequest.Credentials credentials) {
        TargetSecrets secrets = secretsOf(kind, credentials);
        if (TargetKinds.POSTGRES.equals(kind)) {
            Map<String, String> stored = new LinkedHashMap<>();
            putIfSet(stored, "password", secrets.password());
            putIfSet(stored, "lakebase_token", secrets.lakebaseToken());
            putIfSet(stored, "lakebase_client_secret", secrets.lakebaseClientSecret());
            return stored.isEmpty() ? null : cipher.encrypt(Json.write(stored));
        }
        if (TargetKinds.usesApiKey(kind)) {
            return secrets.apiKey() == null ? null : cipher.encrypt(Json.write(Map.of("api_key", secrets.apiKey())));
        }
        if (TargetKinds.GATEWAY.equals(kind)) {
            return secrets.adminToken() == null ? null : cipher.encrypt(Json.write(Map.of(GatewayTargets.ADMIN_TOKEN, secrets.adminToken())));
        }
        if (TargetKinds.INGESTOR.equals(kind)) {
            Map<String, String> stored = new LinkedHashMap<>();
            putIfSet(stored, "password", secrets.password());
            putIfSet(stored, GatewayTargets.ADMIN_TOKEN, secrets.adminToken());
            return stored.isEmpty() ? null : cipher.encrypt(Json.write(stored));
        }
        // http targets keep the flat header map they always had
        return secrets.headers().isEmpty() ? null : cipher.encrypt(Json.write(secrets.headers()));
    }

    private static String url(TargetRequest request) {
        return TargetKinds.POSTGRES.equals(request.kindOrDefault())
                ? PostgresTargets.displayUrl(options(request)) : request.url().strip();
    }

    private static Map<String, Object> options(TargetRequest request) {
        return request.options() == null ? Map.of() : new LinkedHashMap<>(request.options());
    }

    /**
     * Checks the target as its driver will read it in a plan, reporting paths of the request body
     * ({@code url}, {@code options.port}, {@code credentials.password}). Secrets take part as
     * placeholders only, so no problem message can repeat one.
     */
    private void check(TargetRequest request, TargetSecrets secrets) {
        String kind = request.kindOrDefault();
        List<Problem> problems = new ArrayList<>(credentialKindProblems(kind, request.credentials()));
        problems.addAll(secretEnvironment.problems(Json.mapper().valueToTree(options(request)), "options"));
        problems.addAll(TargetMetrics.problems(options(request)));
        Map<String, Object> driverOptions = TargetMetrics.withoutMetrics(options(request));
        if (TargetKinds.POSTGRES.equals(kind)) {
            problems.addAll(PostgresTargets.secretsInOptions(options(request)));
        }
        if (TargetKinds.usesApiKey(kind)) {
            problems.addAll(LlmTargets.ownFieldProblems(kind, driverOptions));
        }
        if (TargetKinds.GATEWAY.equals(kind)) {
            problems.addAll(GatewayTargets.optionProblems(driverOptions));
        }
        if (TargetKinds.INGESTOR.equals(kind)) {
            problems.addAll(IngestorTargets.optionProblems(driverOptions));
        }
        ObjectNode plan = Json.mapper().createObjectNode();
        plan.put("name", "target check");
        ObjectNode target = Json.mapper().valueToTree(driverOptions);
        if (TargetKinds.HTTP.equals(kind)) {
            target.put("url", request.url().strip());
        } else if (TargetKinds.usesApiKey(kind)) {
            target = LlmTargets.planTarget(kind, request.url().strip(), driverOptions);
            target.remove("api_key"); // reported above as a misplaced secret
        } else if (TargetKinds.GATEWAY.equals(kind)) {
            target = GatewayTargets.planTarget(request.url().strip());
        } else if (TargetKinds.INGESTOR.equals(kind)) {
            target = IngestorTargets.planTarget(request.url().strip(), options(request));
        }
        plan.set("target", target);
        plan.putObject("workload").put("driver", TargetKinds.driver(kind));
        if (TargetKinds.GATEWAY.equals(kind)) {
            ((ObjectNode) plan.get("workload")).put("api", "gateway");
        }
        plan.putObject("load").put("users", 1);
        placeholders(secrets).addTo(plan);
        try {
            planReader.read(plan);
        } catch (InvalidPlanException e) {
            e.problems().stream().map(TargetService::requestPath).filter(p -> p != null).forEach(problems::add);
        }
        if (!problems.isEmpty()) {
            throw new InvalidPlanException(problems);
        }
    }

    private static List<Problem> credentialKindProblems(String kind, TargetRequest.Credentials credentials) {
        if (credentials == null) {
            return List.of();
        }
        List<Problem> problems = new ArrayList<>();
        String takes = switch (kind) {
            case TargetKinds.POSTGRES -> "a postgres target takes password or lakebase";
            case TargetKinds.LLM, TargetKinds.AUTOMATION -> "an " + kind + " target takes api_key";
            case TargetKinds.GATEWAY -> "a gateway target takes admin_token";
            case TargetKinds.INGESTOR -> "an ingestor target takes password (its sink's) and admin_token";
            default -> "an http target takes headers";
        };
        boolean postgres = TargetKinds.POSTGRES.equals(kind);
        boolean ingestor = TargetKinds.INGESTOR.equals(kind);
        boolean apiKey = TargetKinds.usesApiKey(kind);
        if (!TargetKinds.HTTP.equals(kind) && credentials.headers() != null && !credentials.headers().isEmpty()) {
            problems.add(new Problem("credentials.headers", "are for http targets; " + takes));
        }
        if (!postgres && !ingestor && credentials.password() != null) {
            problems.add(new Problem("credentials.password", "is for postgres and ingestor targets; " + takes));
        }
        if (!postgres && credentials.lakebase() != null) {
            problems.add(new Problem("credentials.lakebase", "is for postgres targets; " + takes));
        }
        if (!apiKey && credentials.apiKey() != null) {
            problems.add(new Problem("credentials.api_key", "is for llm and automation targets; " + takes));
        }
        if (!TargetKinds.GATEWAY.equals(kind) && !ingestor && credentials.adminToken() != null) {
            problems.add(new Problem("credentials.admin_token", "is for gateway and ingestor targets; " + takes));
        }
        return problems;
    }

    private static TargetSecrets placeholders(TargetSecrets secrets) {
        return new TargetSecrets(secrets.headers(), secrets.password() == null ? null : PLACEHOLDER_SECRET,
                secrets.lakebaseToken() == null ? null : PLACEHOLDER_SECRET,
                secrets.lakebaseClientSecret() == null ? null : PLACEHOLDER_SECRET,
                secrets.apiKey() == null ? null : PLACEHOLDER_SECRET);
    }

    /** A plan problem at its place in the request body; null for parts of the plan the request does not hold. */
    private static Problem requestPath(Problem p) {
        String path = p.path();
        if (path.equals("target.url") || path.equals("target.http.url")) {
            return new Problem("url", p.message());
        }
        if (path.equals("target.sink.password")) {
            return new Problem("credentials.password", p.message());
        }
        if (path.equals("target.api_key")) {
            return new Problem("credentials.api_key", p.message());
        }
        if (path.equals("target.password") || path.equals("target.lakebase.token") || path.equals("target.lakebase.client_secret")) {
            return new Problem("credentials." + path.substring("target.".length()), p.message());
        }
        if (path.startsWith("target.")) {
            return new Problem("options." + path.substring("target.".length()), p.message());
        }
        if (path.equals("target")) {
            return new Problem("options", p.message());
        }
        return null;
    }

    private static String textOrNull(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String nonBlank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static void putIfSet(Map<String, String> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
