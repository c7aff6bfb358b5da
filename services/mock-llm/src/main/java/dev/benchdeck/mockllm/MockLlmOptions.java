package dev.benchdeck.mockllm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Command-line flags of the mock ({@code --name value}), on top of {@link MockLlmConfig#defaults()}.
 * Kept apart from {@link MockLlmMain} so the CLI can reuse the parser and its usage text.
 */
public record MockLlmOptions(String host, int port, MockLlmConfig config, String adminToken) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8001;
    /** The variable the admin token is read from unless {@code --admin-token-env} names another. */
    public static final String DEFAULT_TOKEN_ENV = "BENCHDECK_MOCK_ADMIN_TOKEN";

    @Override
    public String toString() {
        return "MockLlmOptions[host=" + host + ", port=" + port + ", adminToken=" + (adminToken == null ? "none" : "***") + "]";
    }

    /**
     * Why the mock may not listen on {@code host}: any address but loopback needs an admin token of at
     * least 16 characters, since its control endpoints change what it answers. Null when it may.
     */
    public static String exposureProblem(String host, String adminToken) {
        if (isLoopback(host) || (adminToken != null && adminToken.length() >= 16)) {
            return null;
        }
        return "listening on " + host + " exposes the mock's control endpoints to the network: set an admin token of at least"
                + " 16 characters in " + DEFAULT_TOKEN_ENV + " (or the variable --admin-token-env names), or keep --host 127.0.0.1";
    }

    static boolean isLoopback(String host) {
        String h = host.strip().toLowerCase(java.util.Locale.ROOT);
        return h.equals("localhost") || h.equals("::1") || h.equals("[::1]") || h.matches("127(\\.[0-9]{1,3}){3}");
    }

    private record Flag(String help, BiConsumer<Draft, Double> apply) {
    }

    /** Mutable while parsing; becomes the immutable options at the end. */
    private static final class Draft {
        String host = DEFAULT_HOST;
        String tokenEnv = DEFAULT_TOKEN_ENV;
        int port = DEFAULT_PORT;
        final MockLlmConfig defaults = MockLlmConfig.defaults();
        final MockLlmConfig.Builder config = defaults.toBuilder();
        long ttft = defaults.ttftMs(), ttftSpread = defaults.ttftSpreadMs(), itl = defaults.itlMs(), itlSpread = defaults.itlSpreadMs();
        long runMs = defaults.automationRunMs(), runSpread = defaults.automationRunSpreadMs();
        int tokens = defaults.outputTokens(), tokensSpread = defaults.outputTokensSpread();
        double share429, share500, shareError, shareDrop, shareStall;
    }

    private static final Map<String, Flag> FLAGS = new LinkedHashMap<>();

    static {
        FLAGS.put("--port", new Flag("port to listen on (default 8001; 0 = any free port)", (d, v) -> d.port = (int) whole(v)));
        FLAGS.put("--ttft", new Flag("mean time to first token, ms (default 200)", (d, v) -> d.ttft = whole(v)));
        FLAGS.put("--ttft-spread", new Flag("TTFT jitter, ms: uniform in mean ± spread (default 50)", (d, v) -> d.ttftSpread = whole(v)));
        FLAGS.put("--itl", new Flag("mean inter-token latency, ms (default 20)", (d, v) -> d.itl = whole(v)));
        FLAGS.put("--itl-spread", new Flag("ITL jitter, ms (default 5)", (d, v) -> d.itlSpread = whole(v)));
        FLAGS.put("--tokens", new Flag("mean output length in tokens (default 60)", (d, v) -> d.tokens = (int) whole(v)));
        FLAGS.put("--tokens-spread", new Flag("output length jitter, tokens (default 30)", (d, v) -> d.tokensSpread = (int) whole(v)));
        FLAGS.put("--tokens-per-chunk", new Flag("tokens per content chunk (default 1)", (d, v) -> d.config.tokensPerChunk((int) whole(v))));
        FLAGS.put("--heartbeat", new Flag("heartbeat while waiting, ms (default 0 = off)", (d, v) -> d.config.heartbeatMs(whole(v))));
        FLAGS.put("--stall", new Flag("length of an injected stall, ms (default 2000)", (d, v) -> d.config.stallMs(whole(v))));
        FLAGS.put("--retry-after", new Flag("Retry-After of injected 429s, s (default 1)", (d, v) -> d.config.retryAfterSeconds((int) whole(v))));
        FLAGS.put("--fault-429", new Flag("share of LLM requests answered 429 (0-1)", (d, v) -> d.share429 = v));
        FLAGS.put("--fault-500", new Flag("share of LLM requests answered 500 (0-1)", (d, v) -> d.share500 = v));
        FLAGS.put("--fault-error", new Flag("share of streams ending with an error event (0-1)", (d, v) -> d.shareError = v));
        FLAGS.put("--fault-drop", new Flag("share of streams whose connection is dropped (0-1)", (d, v) -> d.shareDrop = v));
        FLAGS.put("--fault-stall", new Flag("share of streams that stall mid-way (0-1)", (d, v) -> d.shareStall = v));
        FLAGS.put("--run-ms", new Flag("mean automation run time, ms (default 1250)", (d, v) -> d.runMs = whole(v)));
        FLAGS.put("--run-spread", new Flag("automation run time jitter, ms (default 750: 500-2000 ms)", (d, v) -> d.runSpread = whole(v)));
        FLAGS.put("--run-steps", new Flag("progress steps of an automation run (default 5)", (d, v) -> d.config.automationSteps((int) whole(v))));
        FLAGS.put("--run-failure", new Flag("share of automation runs that fail (0-1)", (d, v) -> d.config.automationFailureShare(v)));
    }

    /** Parses the flags (the admin token from the process's environment); every problem is reported at once. */
    public static MockLlmOptions parse(List<String> args) {
        return parse(args, System::getenv);
    }

    /** Parses the flags, reading the admin token's variable from {@code environment}. */
    public static MockLlmOptions parse(List<String> args, java.util.function.Function<String, String> environment) {
        Draft draft = new Draft();
        List<String> problems = new ArrayList<>();
        java.util.Set<String> given = new java.util.HashSet<>();
        for (int i = 0; i < args.size(); i++) {
            String name = args.get(i);
            given.add(name);
            String value = i + 1 < args.size() ? args.get(i + 1) : null;
            if (!name.equals("--host") && !name.equals("--admin-token-env") && !FLAGS.containsKey(name)) {
                problems.add("unknown option " + name);
                continue;
            }
            i++;
            if (value == null) {
                problems.add(name + " needs a value");
            } else if (name.equals("--host")) {
                draft.host = value;
            } else if (name.equals("--admin-token-env")) {
                draft.tokenEnv = value;
            } else {
                try {
                    FLAGS.get(name).apply().accept(draft, Double.parseDouble(value));
                } catch (IllegalArgumentException e) {
                    problems.add(name + ": '" + value + "' is not " + (e.getMessage() != null && e.getMessage().startsWith("whole") ? "a whole number" : "a number"));
                }
            }
        }
        if (draft.port < 0 || draft.port > 65_535) {
            problems.add("--port must be from 0 to 65535");
        }
        // a mean given without its spread keeps the default spread only where it still fits under the mean
        if (!given.contains("--ttft-spread")) {
            draft.ttftSpread = Math.min(draft.ttftSpread, draft.ttft);
        }
        if (!given.contains("--itl-spread")) {
            draft.itlSpread = Math.min(draft.itlSpread, draft.itl);
        }
        if (!given.contains("--tokens-spread")) {
            draft.tokensSpread = Math.max(0, Math.min(draft.tokensSpread, draft.tokens - 1));
        }
        if (!given.contains("--run-spread")) {
            draft.runSpread = Math.min(draft.runSpread, draft.runMs);
        }
        MockLlmConfig config = null;
        try {
            config = draft.config.ttft(draft.ttft, draft.ttftSpread).itl(draft.itl, draft.itlSpread)
                    .outputTokens(draft.tokens, draft.tokensSpread).automationRun(draft.runMs, draft.runSpread)
                    .faults(new FaultShares(draft.share429, draft.share500, draft.shareError, draft.shareDrop, draft.shareStall))
                    .build();
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        String token = environment.apply(draft.tokenEnv);
        return new MockLlmOptions(draft.host, draft.port, config, token == null || token.isBlank() ? null : token.strip());
    }

    public static String usage() {
        StringBuilder usage = new StringBuilder("Options (each takes a value):\n");
        usage.append(String.format("  %-20s %s%n", "--host", "address to bind (default 127.0.0.1; another needs an admin token)"));
        usage.append(String.format("  %-20s %s%n", "--admin-token-env", "variable holding the token /mock/* then needs (default " + DEFAULT_TOKEN_ENV + ")"));
        FLAGS.forEach((name, flag) -> usage.append(String.format("  %-20s %s%n", name, flag.help())));
        return usage.toString();
    }

    private static long whole(double value) {
        if (value != Math.rint(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("whole");
        }
        return (long) value;
    }
}
