package dev.benchdeck.server.demo;

import dev.benchdeck.gateway.GatewayServer;
import dev.benchdeck.gateway.config.GatewayConfig;
import dev.benchdeck.gateway.config.InvalidConfigException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Benchdeck's streaming gateway (the same server as {@code benchdeck gateway}) on 127.0.0.1 with its
 * built-in fake provider, at {@code benchdeck.demo-gateway.port} (0, the default: a free port; -1: not
 * started), so that the gateway demo runs with nothing external. Its admin token is new on each start
 * and known only to the server, which stores it as the demo target's secret.
 */
@Component
public class DemoGateway implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DemoGateway.class);

    private final GatewayServer server;
    private final String adminToken;

    DemoGateway(@Value("${benchdeck.demo-gateway.port:0}") int port) {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        this.adminToken = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        this.server = port < 0 ? null : start(port, adminToken);
    }

    private static GatewayServer start(int port, String token) {
        try {
            GatewayServer started = GatewayServer.start(GatewayConfig.builder().host(DemoMockLlm.HOST).port(port)
                    .adminToken(token).instanceId("demo").build());
            log.info("Demo gateway at {}", started.baseUri());
            return started;
        } catch (java.net.BindException e) {
            log.warn("Demo gateway not started: port {} is taken (set benchdeck.demo-gateway.port, 0 for a free port, -1 for none)", port);
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the demo gateway", e);
        } catch (InvalidConfigException e) {
            throw new IllegalStateException("the demo gateway's config is invalid: " + e.getMessage(), e);
        }
    }

    /** {@code http://127.0.0.1:<port>} while the gateway runs. */
    public Optional<String> baseUrl() {
        return server == null ? Optional.empty() : Optional.of(server.baseUri().toString());
    }

    /** The admin token of this start, for the demo target's stored secret only. */
    String adminToken() {
        return adminToken;
    }

    @Override
    public void destroy() {
        if (server != null) {
            server.close();
        }
    }
}
