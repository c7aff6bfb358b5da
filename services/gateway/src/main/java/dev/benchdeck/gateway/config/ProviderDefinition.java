package dev.benchdeck.gateway.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.benchdeck.mockllm.MockLlmConfig;
import java.net.URI;
import java.util.List;
import java.util.Set;

/**
 * A provider the gateway can send requests to, fixed at start. The API key is never held here: only
 * the name of the environment variable that holds it.
 *
 * @param name      how requests and {@code provider_order} name it
 * @param type      {@code fake}, {@code openai} (OpenAI or any OpenAI-compatible server) or {@code anthropic}
 * @param baseUrl   for openai/anthropic: the API's base URL including {@code /v1} (null for fake)
 * @param apiKeyEnv the environment variable holding the key (null: send none, as for a local server)
 * @param models    the models requests may name; {@code *} allows any. Failover to this provider uses the
 *                  request's model when allowed, else the first model named
 * @param timeoutMs how long the provider may stay silent (before its first chunk or between chunks)
 * @param fake      the fake provider's timing and length (the mock LLM's generator), null for the others
 */
public record ProviderDefinition(String name, String type, URI baseUrl, String apiKeyEnv, List<String> models,
                                 long timeoutMs, long connectTimeoutMs, MockLlmConfig fake) {

    public static final String FAKE = "fake";
    public static final String OPENAI = "openai";
    public static final String ANTHROPIC = "anthropic";
    public static final String ANY_MODEL = "*";

    static final Set<String> FIELDS = Set.of("name", "type", "base_url", "api_key_env", "models", "timeout_ms",
            "connect_timeout_ms", "ttft_ms", "ttft_spread_ms", "itl_ms", "itl_spread_ms", "output_tokens",
            "output_tokens_spread", "tokens_per_chunk");

    public ProviderDefinition {
        models = List.copyOf(models);
    }

    /** The built-in fake: TTFT 200±50 ms, ITL 20±5 ms, 60±30 tokens, models {@code fake-1} and any other name. */
    public static ProviderDefinition builtInFake() {
        return new ProviderDefinition(FAKE, FAKE, null, null, List.of("fake-1", ANY_MODEL), 60_000, 5_000, MockLlmConfig.defaults());
    }

    /** An OpenAI-compatible server (the mock LLM in tests): {@code http://127.0.0.1:8001/v1}. */
    public static ProviderDefinition openAi(String name, URI baseUrl, String apiKeyEnv, List<String> models) {
        return new ProviderDefinition(name, OPENAI, baseUrl, apiKeyEnv, models, 60_000, 5_000, null);
    }

    public static ProviderDefinition anthropic(String name, URI baseUrl, String apiKeyEnv, List<String> models) {
        return new ProviderDefinition(name, ANTHROPIC, baseUrl, apiKeyEnv, models, 60_000, 5_000, null);
    }

    public static ProviderDefinition fake(String name, MockLlmConfig timing, List<String> models) {
        return new ProviderDefinition(name, FAKE, null, null, models, 60_000, 5_000, timing);
    }

    public ProviderDefinition withTimeoutMs(long timeout) {
        return new ProviderDefinition(name, type, baseUrl, apiKeyEnv, models, timeout, connectTimeoutMs, fake);
    }

    public boolean allows(String model) {
        return models.contains(ANY_MODEL) || models.contains(model);
    }

    /** The model used when failing over to this provider with a model it does not serve (null: none named). */
    public String firstModel() {
        return models.stream().filter(m -> !m.equals(ANY_MODEL)).findFirst().orElse(null);
    }

    /**
     * Parses a command-line spec, {@code name=openai,type=openai,base_url=https://api.openai.com/v1,api_key_env=OPENAI_API_KEY,models=gpt-4o-mini|gpt-4o}:
     * the fields of a config file's provider entry, {@code |} between models.
     */
    public static ProviderDefinition parseSpec(String spec) throws InvalidConfigException {
        com.fasterxml.jackson.databind.node.ObjectNode node = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        ConfigReader read = new ConfigReader(new java.util.ArrayList<>(), "provider.");
        for (String part : spec.split(",")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                read.problem(part.strip(), "expected key=value");
                continue;
            }
            String key = part.substring(0, eq).strip();
            String value = part.substring(eq + 1).strip();
            if (key.equals("models")) {
                java.util.Arrays.stream(value.split("\\|")).map(String::strip).forEach(node.putArray("models")::add);
            } else if (value.matches("-?\\d+")) {
                node.put(key, Long.parseLong(value));
            } else {
                node.put(key, value);
            }
        }
        ProviderDefinition definition = read(read, node);
        if (!read.problems().isEmpty()) {
            throw new InvalidConfigException(read.problems());
        }
        return definition;
    }

    /** Reads one entry of a config file's {@code providers}, reporting problems under {@code read}'s path. */
    static ProviderDefinition read(ConfigReader read, ObjectNode node) {
        read.onlyKnown(node, FIELDS);
        String name = read.text(node, "name", null);
        if (name == null || !name.matches("[a-z0-9][a-z0-9_-]{0,39}")) {
            read.problem("name", "is required: lower-case letters, digits, - and _ (up to 40)");
        }
        String type = read.choice(node, "type", null, List.of(FAKE, OPENAI, ANTHROPIC));
        if (type == null) {
            read.problem("type", "is required: fake, openai or anthropic");
        }
        URI baseUrl = null;
        String url = read.text(node, "base_url", null);
        if (FAKE.equals(type)) {
            if (url != null) {
                read.problem("base_url", "does not apply to the fake provider");
            }
        } else if (type != null) {
            url = url != null ? url : OPENAI.equals(type) ? "https://api.openai.com/v1" : "https://api.anthropic.com/v1";
            try {
                baseUrl = URI.create(url);
                if (baseUrl.getHost() == null || !List.of("http", "https").contains(String.valueOf(baseUrl.getScheme()))) {
                    read.problem("base_url", "must be an http:// or https:// URL with a host");
                }
            } catch (IllegalArgumentException e) {
                read.problem("base_url", "is not a URL: " + e.getMessage());
            }
        }
        String keyEnv = read.text(node, "api_key_env", null);
        if (keyEnv != null && !keyEnv.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            read.problem("api_key_env", "must be an environment variable's name");
        }
        List<String> models = read.texts(node, "models", FAKE.equals(type) ? List.of("fake-1", ANY_MODEL) : List.of(ANY_MODEL));
        if (models.isEmpty()) {
            read.problem("models", "must name at least one model (or *)");
        }
        long timeout = read.integer(node, "timeout_ms", 60_000, 1, 3_600_000);
        long connectTimeout = read.integer(node, "connect_timeout_ms", 5_000, 1, 600_000);
        MockLlmConfig fake = FAKE.equals(type) ? fakeTiming(read, node) : null;
        if (!FAKE.equals(type)) {
            for (String field : List.of("ttft_ms", "ttft_spread_ms", "itl_ms", "itl_spread_ms", "output_tokens",
                    "output_tokens_spread", "tokens_per_chunk")) {
                if (node.has(field)) {
                    read.problem(field, "only applies to the fake provider");
                }
            }
        }
        return new ProviderDefinition(name, type, baseUrl, keyEnv, models, timeout, connectTimeout, fake);
    }

    private static MockLlmConfig fakeTiming(ConfigReader read, JsonNode node) {
        MockLlmConfig d = MockLlmConfig.defaults();
        long ttft = read.integer(node, "ttft_ms", d.ttftMs(), 0, 600_000);
        long ttftSpread = read.integer(node, "ttft_spread_ms", node.has("ttft_ms") ? 0 : d.ttftSpreadMs(), 0, 600_000);
        long itl = read.integer(node, "itl_ms", d.itlMs(), 0, 600_000);
        long itlSpread = read.integer(node, "itl_spread_ms", node.has("itl_ms") ? 0 : d.itlSpreadMs(), 0, 600_000);
        long tokens = read.integer(node, "output_tokens", d.outputTokens(), 1, 1_000_000);
        long tokensSpread = read.integer(node, "output_tokens_spread", node.has("output_tokens") ? 0 : d.outputTokensSpread(), 0, 1_000_000);
        long perChunk = read.integer(node, "tokens_per_chunk", d.tokensPerChunk(), 1, 10_000);
        try {
            return d.toBuilder().ttft(ttft, ttftSpread).itl(itl, itlSpread).outputTokens((int) tokens, (int) tokensSpread)
                    .tokensPerChunk((int) perChunk).build();
        } catch (IllegalArgumentException e) {
            read.problem("ttft_ms", e.getMessage());
            return d;
        }
    }
}
