package dev.benchdeck.gateway.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the gateway is started with: where it listens, its Redis, its providers, the admin token and
 * the first runtime {@link GatewaySettings}. Built in code ({@link #builder()}) or read from a YAML or
 * JSON file ({@link #read(Path)}); the built-in fake provider is always there.
 *
 * @param redisUrl          {@code redis://host:port[/db]}, or null to run on L1 and local limits only
 * @param adminToken        the bearer token of {@code /admin/*}; never logged or returned
 * @param instanceId        names this instance in Redis (queue tickets) and in {@code /health}
 * @param trustForwardedFor take the client's address from {@code X-Forwarded-For} (behind a proxy of one's own)
 */
public record GatewayConfig(String host, int port, URI redisUrl, List<ProviderDefinition> providers, String adminToken,
                            GatewaySettings settings, String instanceId, boolean trustForwardedFor) {

    static final Set<String> FILE_FIELDS = Set.of("host", "port", "redis_url", "providers", "settings", "instance_id",
            "trust_forwarded_for");

    public GatewayConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(adminToken, "adminToken");
        if (adminToken.length() < 16) {
            throw new IllegalArgumentException("the admin token must have at least 16 characters");
        }
        providers = List.copyOf(providers);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.host = host;
        b.port = port;
        b.redisUrl = redisUrl;
        b.providers = new LinkedHashMap<>();
        providers.forEach(p -> b.providers.put(p.name(), p));
        b.adminToken = adminToken;
        b.settings = settings;
        b.instanceId = instanceId;
        b.trustForwardedFor = trustForwardedFor;
        return b;
    }

    public Set<String> providerNames() {
        return providers.stream().map(ProviderDefinition::name).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Reads a config file (YAML, or JSON, which is YAML too) onto a builder: every problem with its path, or
     * the builder to add flags and the admin token to.
     */
    public static Builder read(Path file) throws InvalidConfigException, IOException {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file));
        ConfigReader read = ConfigReader.root();
        Builder builder = builder();
        if (root == null || !root.isObject()) {
            read.problem("", "must be a mapping of host, port, redis_url, providers, settings");
            throw new InvalidConfigException(read.problems());
        }
        ObjectNode node = (ObjectNode) root;
        read.onlyKnown(node, FILE_FIELDS);
        builder.host = read.text(node, "host", builder.host);
        builder.port = (int) read.integer(node, "port", builder.port, 0, 65_535);
        String redis = read.text(node, "redis_url", null);
        if (redis != null) {
            builder.redisUrl = redisUrl(read, "redis_url", redis);
        }
        builder.instanceId = read.text(node, "instance_id", builder.instanceId);
        builder.trustForwardedFor = read.bool(node, "trust_forwarded_for", false);
        JsonNode providers = node.get("providers");
        if (providers != null) {
            if (!providers.isArray()) {
                read.problem("providers", "must be a list");
            } else {
                Set<String> seen = new java.util.HashSet<>();
                for (int i = 0; i < providers.size(); i++) {
                    ConfigReader element = read.element("providers", i);
                    if (!providers.get(i).isObject()) {
                        read.problem("providers[" + i + "]", "must be a mapping");
                        continue;
                    }
                    ProviderDefinition p = ProviderDefinition.read(element, (ObjectNode) providers.get(i));
                    if (p.name() != null && !seen.add(p.name())) {
                        read.problem("providers[" + i + "].name", "'" + p.name() + "' is named twice");
                    }
                    builder.explicit.add(p.name());
                    builder.providers.put(p.name(), p);
                }
            }
        }
        if (node.has("settings")) {
            builder.settingsChanges = node.get("settings");
        }
        if (!read.problems().isEmpty()) {
            throw new InvalidConfigException(read.problems());
        }
        return builder;
    }

    /** Parses {@code redis://host:port[/db]}; problems go to {@code read} under {@code path}. */
    static URI redisUrl(ConfigReader read, String path, String text) {
        try {
            URI uri = URI.create(text);
            if (!List.of("redis", "rediss").contains(String.valueOf(uri.getScheme())) || uri.getHost() == null) {
                read.problem(path, "must be redis://host:port or rediss://host:port");
                return null;
            }
            return uri;
        } catch (IllegalArgumentException e) {
            read.problem(path, "is not a URL: " + e.getMessage());
            return null;
        }
    }

    /** Checks a Redis URL given on a command line. */
    public static URI parseRedisUrl(String text) throws InvalidConfigException {
        ConfigReader read = ConfigReader.root();
        URI uri = redisUrl(read, "redis_url", text);
        if (!read.problems().isEmpty()) {
            throw new InvalidConfigException(read.problems());
        }
        return uri;
    }

    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 8002;
        private URI redisUrl;
        private Map<String, ProviderDefinition> providers = new LinkedHashMap<>(Map.of(ProviderDefinition.FAKE, ProviderDefinition.builtInFake()));
        private final Set<String> explicit = new java.util.HashSet<>();
        private String adminToken;
        private GatewaySettings settings;
        private JsonNode settingsChanges;
        private String instanceId;
        private boolean trustForwardedFor;

        public Builder host(String h) { host = h; return this; }
        public Builder port(int p) { port = p; return this; }
        public Builder redisUrl(URI url) { redisUrl = url; return this; }
        public Builder adminToken(String token) { adminToken = token; return this; }
        public Builder instanceId(String id) { instanceId = id; return this; }
        public Builder trustForwardedFor(boolean trust) { trustForwardedFor = trust; return this; }
        /** Adds a provider, or replaces the one of the same name (the built-in fake included). */
        public Builder provider(ProviderDefinition p) { providers.put(p.name(), p); explicit.add(p.name()); return this; }
        public Builder settings(GatewaySettings s) { settings = s; settingsChanges = null; return this; }

        public List<ProviderDefinition> providers() {
            return new ArrayList<>(providers.values());
        }

        /**
         * The config; settings not given are the defaults with {@code provider_order} = the providers in the
         * order they were added (the built-in fake only when it is the one provider or was configured); a file's
         * {@code settings} are checked here.
         */
        public GatewayConfig build() throws InvalidConfigException {
            Set<String> names = providers.keySet();
            GatewaySettings base = settings;
            if (base == null) {
                // the built-in fake answers only when named (or with use_fake_llm): a failover to made-up text would mislead
                List<String> order = new ArrayList<>(names);
                if (order.size() > 1 && !explicit.contains(ProviderDefinition.FAKE)) {
                    order.remove(ProviderDefinition.FAKE);
                }
                base = GatewaySettings.defaults(order);
            }
            if (settingsChanges != null) {
                try {
                    base = base.merge(settingsChanges, names);
                } catch (InvalidConfigException e) {
                    throw new InvalidConfigException(e.problems().stream()
                            .map(p -> new FieldProblem(p.path().isEmpty() ? "settings" : "settings." + p.path(), p.message())).toList());
                }
            }
            String id = instanceId != null ? instanceId : "gw-" + java.util.UUID.randomUUID().toString().substring(0, 8);
            return new GatewayConfig(host, port, redisUrl, new ArrayList<>(providers.values()), adminToken, base, id, trustForwardedFor);
        }
    }
}
