package dev.benchdeck.server.demo;

import dev.benchdeck.demotarget.DemoTarget;
import dev.benchdeck.server.system.BenchdeckProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The demo HTTP endpoints ({@code /hello}, {@code /delay/{ms}}, {@code /status/{code}},
 * {@code /flaky/{percent}}, {@code /echo}; the same server as {@code benchdeck demo-target}) on
 * 127.0.0.1 at {@code benchdeck.demo-target.port} (0, the default: a free port; -1: not started), so
 * that the HTTP demo scenarios run with nothing external and their load stays off the API's own server.
 */
@Component
public class DemoHttpTarget implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DemoHttpTarget.class);

    private final DemoTarget server;

    DemoHttpTarget(BenchdeckProperties properties) {
        this.server = properties.demoTarget().enabled() ? start(properties.demoTarget().port()) : null;
    }

    private static DemoTarget start(int port) {
        try {
            return started(DemoTarget.start(port));
        } catch (java.net.BindException e) {
            log.warn("Demo target: port {} is taken; using a free port instead", port);
            try {
                return started(DemoTarget.start(0));
            } catch (IOException again) {
                throw new UncheckedIOException("cannot start the demo target", again);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the demo target", e);
        }
    }

    private static DemoTarget started(DemoTarget target) {
        log.info("Demo target at {}", target.baseUrl());
        return target;
    }

    /** {@code http://127.0.0.1:<port>} while the demo endpoints run. */
    public Optional<String> baseUrl() {
        return server == null ? Optional.empty() : Optional.of(server.baseUrl());
    }

    /** The running demo endpoints (for their runtime settings). */
    Optional<DemoTarget> target() {
        return Optional.ofNullable(server);
    }

    @Override
    public void destroy() {
        if (server != null) {
            server.close();
        }
    }
}
