package dev.benchdeck.gateway;

import dev.benchdeck.gateway.admin.AdminToken;
import dev.benchdeck.gateway.config.GatewayConfig;
import dev.benchdeck.gateway.config.InvalidConfigException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a gateway from a config file until the process is stopped, the admin token taken from
 * {@value AdminToken#DEFAULT_ENV}: {@code java -cp … dev.benchdeck.gateway.GatewayMain --config gateway.yaml [--port 8002]}.
 * For scripts and tests that start instances as processes; people use {@code benchdeck gateway}.
 * Exit codes: 1 when the port cannot be bound, 2 for a bad config or command line.
 */
public final class GatewayMain {

    private GatewayMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path file = null;
        Integer port = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--config" -> file = Path.of(args[i + 1]);
                case "--port" -> port = Integer.parseInt(args[i + 1]);
                default -> exit(2, "unknown option " + args[i] + "; use --config FILE [--port N]");
            }
        }
        String token = System.getenv(AdminToken.DEFAULT_ENV);
        if (file == null || token == null || token.length() < 16) {
            exit(2, "needs --config FILE and the admin token (16+ characters) in " + AdminToken.DEFAULT_ENV);
        }
        GatewayServer gateway;
        try {
            GatewayConfig.Builder builder = GatewayConfig.read(file).adminToken(token);
            if (port != null) {
                builder.port(port);
            }
            gateway = GatewayServer.start(builder.build());
        } catch (InvalidConfigException e) {
            exit(2, "invalid config: " + e.getMessage());
            return;
        } catch (IOException e) {
            exit(1, "cannot start: " + e.getMessage());
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            gateway.close();
            stopped.countDown();
        }));
        System.out.println("gateway " + gateway.instanceId() + " listening on " + gateway.baseUri());
        stopped.await();
    }

    private static void exit(int code, String message) {
        System.err.println("gateway: " + message);
        System.exit(code);
    }
}
