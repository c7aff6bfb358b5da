package dev.benchdeck.server.gateway;

import dev.benchdeck.server.system.Json;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * Pushes each watched gateway's {@link GatewayStatus} over the live feed once a second, polling the gateway
 * only while someone watches (the browser never polls it). A watcher first gets {@code checking}, then the
 * status; a gateway that stops answering turns {@code disconnected} and turns back when it answers again.
 */
@Component
public class GatewayWatch implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(GatewayWatch.class);

    private final GatewayAccess access;
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(1,
            Thread.ofPlatform().daemon().name("gateway-watch").factory());
    private final Map<Long, Watched> watched = new ConcurrentHashMap<>();

    GatewayWatch(GatewayAccess access) {
        this.access = access;
    }

    private final class Watched {
        final long targetId;
        final Set<WebSocketSession> sessions = ConcurrentHashMap.newKeySet();
        ScheduledFuture<?> poll;

        Watched(long targetId) {
            this.targetId = targetId;
        }

        void poll() {
            GatewayStatus status;
            try {
                status = GatewayStatus.read(targetId, access.admin(targetId));
            } catch (RuntimeException e) {
                // the target was deleted or changed kind: tell the watchers once and stop
                status = new GatewayStatus(targetId, GatewayStatus.DISCONNECTED, null, null, e.getMessage());
                send(this, message(status));
                stop(targetId);
                return;
            }
            send(this, message(status));
        }
    }

    /** Starts pushing this gateway's status to the session; throws as {@link GatewayAccess#admin} does for a wrong target. */
    public void watch(WebSocketSession session, long targetId) throws IOException {
        access.admin(targetId);
        session.sendMessage(new TextMessage(message(new GatewayStatus(targetId, "checking", null, null, null))));
        synchronized (watched) {
            Watched w = watched.computeIfAbsent(targetId, Watched::new);
            w.sessions.add(session);
            if (w.poll == null) {
                w.poll = timer.scheduleWithFixedDelay(w::poll, 0, 1, TimeUnit.SECONDS);
            }
        }
    }

    public void unwatch(WebSocketSession session, long targetId) {
        synchronized (watched) {
            Watched w = watched.get(targetId);
            if (w != null) {
                w.sessions.remove(session);
                if (w.sessions.isEmpty()) {
                    stop(targetId);
                }
            }
        }
    }

    public void unwatchAll(WebSocketSession session) {
        Set.copyOf(watched.keySet()).forEach(id -> unwatch(session, id));
    }

    /** Whether anyone watches this gateway now (its poll runs). */
    boolean watching(long targetId) {
        return watched.containsKey(targetId);
    }

    private void stop(long targetId) {
        synchronized (watched) {
            Watched w = watched.remove(targetId);
            if (w != null && w.poll != null) {
                w.poll.cancel(false);
            }
        }
    }

    private static String message(GatewayStatus status) {
        return "{\"type\":\"gateway\",\"target_id\":" + status.targetId() + ",\"gateway\":" + Json.write(status) + "}";
    }

    private static void send(Watched w, String message) {
        for (WebSocketSession session : w.sessions) {
            try {
                if (session.isOpen()) {
                    session.sendMessage(new TextMessage(message));
                } else {
                    w.sessions.remove(session);
                }
            } catch (IOException | RuntimeException e) {
                log.debug("Dropping a gateway watcher: {}", e.getMessage());
                w.sessions.remove(session);
            }
        }
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }
}
