package dev.benchdeck.server.cluster;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Messages between the replicas sharing one PostgreSQL, over {@code LISTEN/NOTIFY}: a replica hears what every other
 * publishes on a topic (never its own), in the order each publisher sent it. Bodies longer than a notification may
 * carry go in parts and are put together again; a replica that was not listening misses what was sent meanwhile, so a
 * topic's messages must be things the database also holds (or that may be lost).
 */
@Component
public class ClusterBus implements SmartLifecycle {

    static final String CHANNEL = "benchdeck_cluster";
    /** Characters per notification: PostgreSQL takes payloads under 8,000 bytes, and a UTF-8 character is up to 3 bytes. */
    static final int PART_CHARS = 2_600;
    private static final Logger log = LoggerFactory.getLogger(ClusterBus.class);

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    /** This process's name on the bus: its own messages come back to it and are dropped. */
    private final String origin = UUID.randomUUID().toString().substring(0, 13);
    private final AtomicLong sequence = new AtomicLong();
    private final Map<String, Consumer<String>> handlers = new ConcurrentHashMap<>();
    private final Map<String, Parts> assembling = new ConcurrentHashMap<>();
    private volatile boolean running;
    private volatile Thread listener;

    ClusterBus(DataSource dataSource, JdbcClient jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    String origin() {
        return origin;
    }

    /** The handler gets the body of every message other replicas publish on the topic, on the bus's one thread. */
    public void on(String topic, Consumer<String> handler) {
        handlers.put(topic, handler);
    }

    /** Sends the body to the other replicas (best effort: a database outage drops it, with a debug line). */
    public void publish(String topic, String body) {
        List<String> parts = split(body);
        long id = sequence.incrementAndGet();
        try {
            for (int i = 0; i < parts.size(); i++) {
                String payload = origin + "|" + id + "|" + i + "|" + parts.size() + "|" + topic + "|" + parts.get(i);
                jdbc.sql("select pg_notify(:channel, :payload)").param("channel", CHANNEL).param("payload", payload)
                        .query(Object.class).optional();
            }
        } catch (RuntimeException e) {
            log.debug("Not sent to other replicas ({}): {}", topic, e.getMessage());
        }
    }

    /** The body in parts of at most {@link #PART_CHARS} characters, never splitting a surrogate pair. */
    static List<String> split(String body) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        do {
            int end = Math.min(body.length(), start + PART_CHARS);
            if (end < body.length() && Character.isHighSurrogate(body.charAt(end - 1))) {
                end--;
            }
            parts.add(body.substring(start, end));
            start = end;
        } while (start < body.length());
        return parts;
    }

    /** One notification's payload; dispatches a message once its last part is in. */
    void receive(String payload) {
        String[] fields = payload.split("\\|", 6);
        if (fields.length < 6 || fields[0].equals(origin)) {
            return;
        }
        int part;
        int count;
        try {
            part = Integer.parseInt(fields[2]);
            count = Integer.parseInt(fields[3]);
        } catch (NumberFormatException e) {
            return;
        }
        if (count < 1 || part < 0 || part >= count) {
            return;
        }
        String body;
        if (count == 1) {
            body = fields[5];
        } else {
            String key = fields[0] + "|" + fields[1];
            Parts parts = assembling.computeIfAbsent(key, k -> new Parts(count));
            parts.text[part] = fields[5];
            if (++parts.received < count) {
                return;
            }
            assembling.remove(key);
            body = String.join("", parts.text);
        }
        Consumer<String> handler = handlers.get(fields[4]);
        if (handler != null) {
            try {
                handler.accept(body);
            } catch (RuntimeException e) {
                log.warn("A message from another replica on {} failed: {}", fields[4], e.toString());
            }
        }
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("listen " + CHANNEL);
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                assembling.clear();
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(500);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            receive(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    log.debug("Listening for other replicas stopped ({}); again in a second", e.getMessage());
                    try {
                        Thread.sleep(1_000);
                    } catch (InterruptedException interrupted) {
                        return;
                    }
                }
            }
        }
    }

    @Override
    public void start() {
        running = true;
        listener = Thread.ofPlatform().daemon().name("benchdeck-cluster-bus").start(this::listen);
    }

    @Override
    public void stop() {
        running = false;
        Thread thread = listener;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private static final class Parts {
        final String[] text;
        int received;

        Parts(int count) {
            text = new String[count];
        }
    }
}
