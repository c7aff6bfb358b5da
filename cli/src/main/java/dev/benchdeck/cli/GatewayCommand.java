package dev.benchdeck.cli;

import dev.benchdeck.gateway.GatewayServer;
import dev.benchdeck.gateway.admin.AdminToken;
import dev.benchdeck.gateway.config.GatewayConfig;
import dev.benchdeck.gateway.config.InvalidConfigException;
import dev.benchdeck.gateway.config.ProviderDefinition;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code benchdeck gateway}: Benchdeck's streaming gateway (SSE LLM gateway with cache, limits, circuit
 * breakers, admin API) until Ctrl-C. Flags win over the config file.
 */
@Command(name = "gateway", mixinStandardHelpOptions = true,
        description = "Serve the streaming gateway (POST /api/v1/stream, GET /health, /admin/*) until Ctrl-C.")
final class GatewayCommand implements Callable<Integer> {

    @Option(names = "--port", description = "Port to listen on (default 8002; 0 = a free port).")
    Integer port;

    @Option(names = "--host", description = "Address to listen on (default 127.0.0.1).")
    String host;

    @Option(names = "--config", paramLabel = "FILE", description = "YAML or JSON: host, port, redis_url, providers, settings.")
    Path config;

    @Option(names = "--redis", paramLabel = "URL", description = "Redis for L2 cache, shared limits and queue, e.g. redis://127.0.0.1:6379.")
    String redis;

    @Option(names = "--provider", paramLabel = "SPEC",
            description = "A provider, repeatable: name=openai,type=openai|anthropic|fake,base_url=URL,api_key_env=VAR,models=a|b")
    List<String> providers = new ArrayList<>();

    @Option(names = "--admin-token-env", paramLabel = "VAR", description = "Environment variable with the admin token (default ${DEFAULT-VALUE}).",
            defaultValue = AdminToken.DEFAULT_ENV)
    String adminTokenEnv;

    @Option(names = "--admin-token-file", paramLabel = "FILE",
            description = "Where a generated admin token is kept when the variable is unset (default $HOME/.benchdeck/gateway-admin-token).")
    Path adminTokenFile;

    @Option(names = "--trust-forwarded-for", description = "Take the client's address from X-Forwarded-For (behind your own proxy).")
    boolean trustForwardedFor;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        GatewayConfig gatewayConfig;
        AdminToken.Resolved token;
        try {
            GatewayConfig.Builder builder = config == null ? GatewayConfig.builder() : GatewayConfig.read(config);
            if (port != null) {
                builder.port(port);
            }
            if (host != null) {
                builder.host(host);
            }
            if (redis != null) {
                builder.redisUrl(GatewayConfig.parseRedisUrl(redis));
            }
            for (String p : providers) {
                builder.provider(ProviderDefinition.parseSpec(p));
            }
            builder.trustForwardedFor(trustForwardedFor);
            Path file = adminTokenFile != null ? adminTokenFile : defaultAdminTokenFile(System.getenv());
            token = AdminToken.resolve(adminTokenEnv, System.getenv(), file);
            gatewayConfig = builder.adminToken(token.token()).build();
        } catch (InvalidConfigException e) {
            err.println("benchdeck gateway: invalid config:");
            e.problems().forEach(p -> err.println("  " + (p.path().isEmpty() ? "(file)" : p.path()) + ": " + p.message()));
            return ExitCode.INVALID_INPUT;
        } catch (IllegalArgumentException | IOException e) {
            err.println("benchdeck gateway: " + e.getMessage());
            return ExitCode.INVALID_INPUT;
        }
        try (GatewayServer gateway = GatewayServer.start(gatewayConfig)) {
            out.println("gateway listening on " + gateway.baseUri() + " (Ctrl-C stops it)");
            out.println("providers: " + String.join(", ", gatewayConfig.providerNames().stream().sorted().toList())
                    + "; order: " + String.join(", ", gatewayConfig.settings().providerOrder())
                    + "; redis: " + (gatewayConfig.redisUrl() == null ? "none (L1 cache, local limits)" : gatewayConfig.redisUrl().getHost()
                    + ":" + gatewayConfig.redisUrl().getPort()));
            if (token.generated()) {
                out.println("admin token (shown once; kept in " + token.source() + "): " + token.token());
            } else {
                out.println("admin token: from " + token.source());
            }
            out.flush();
            new CountDownLatch(1).await();
        } catch (IOException e) {
            err.println("benchdeck gateway: cannot listen on " + gatewayConfig.host() + ":" + gatewayConfig.port() + ": " + e.getMessage());
            return ExitCode.RUN_FAILED;
        }
        return ExitCode.PASSED;
    }

    /**
     * {@code ~/.benchdeck/gateway-admin-token} with {@code ~} as the shell has it ({@code $HOME}), like serve's
     * data directory: Java's {@code user.home} comes from the account, so {@code HOME=/tmp/x} would be ignored.
     */
    static Path defaultAdminTokenFile(Map<String, String> env) {
        String home = env.get("HOME");
        return Path.of(home == null || home.isBlank() ? System.getProperty("user.home") : home, ".benchdeck", "gateway-admin-token");
    }
}
