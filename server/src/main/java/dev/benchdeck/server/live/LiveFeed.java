package dev.benchdeck.server.live;

import dev.benchdeck.server.cluster.ClusterBus;
import dev.benchdeck.server.result.ResultRepository;
import dev.benchdeck.server.run.RunRepository;
import dev.benchdeck.server.run.RunState;
import dev.benchdeck.server.run.RunSummary;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fans out what runs produce to subscribed sessions. Each run has a channel; the snapshot a new
 * subscriber gets and the messages published to it are ordered by the channel's lock, so a late
 * joiner sees every interval exactly once. What runs executing here produce is also published to the other replicas
 * ({@link ClusterBus}), and what theirs produce is pushed to subscribers here, so any replica can watch any run.
 */
@Component
public class LiveFeed {

    private static final Logger log = LoggerFactory.getLogger(LiveFeed.class);

    private final Map<Long, Channel> channels = new ConcurrentHashMap<>();
    private final RunRepository runs;
    private final ResultRepository results;
    private final JsonMapper json;

    private static final String TOPIC = "live";

    private final ClusterBus bus;

    LiveFeed(RunRepository runs, ResultRepository results, JsonMapper json, ClusterBus bus) {
        this.runs = runs;
        this.results = results;
        this.json = json;
        this.bus = bus;
        bus.on(TOPIC, this::fromAnotherReplica);
    }

    /** A run begins executing here: from now on its intervals are kept in memory and pushed. */
    public void started(long runId) {
        startedLocally(runId);
        publish("started", runId, "", "");
    }

    /** Another replica's message: "kind\nrun id\nargument\nbody", applied as if the run executed here. */
    private void fromAnotherReplica(String message) {
        String[] fields = message.split("\n", 4);
        long runId = Long.parseLong(fields[1]);
        String argument = fields[2];
        String body = fields[3];
        switch (fields[0]) {
            case "started" -> startedLocally(runId);
            case "setup" -> setupLocally(runId, argument, body);
            case "interval" -> intervalFromElsewhere(runId, body);
            case "telemetry" -> telemetryLocally(runId, body);
            case "step" -> stepLocally(runId, body);
            case "status" -> statusLocally(runId, RunState.parse(argument).orElseThrow(), Boolean.parseBoolean(body));
            default -> log.debug("Unknown live message from another replica: {}", fields[0]);
        }
    }

    private void publish(String kind, long runId, String argument, String body) {
        bus.publish(TOPIC, kind + "\n" + runId + "\n" + argument + "\n" + body);
    }

    private void startedLocally(long runId) {
        Channel channel = channel(runId);
        synchronized (channel) {
            channel.active = true;
            channel.intervals.clear();
            channel.setup.clear();
        }
    }

    /** Setup progress (before the first step); the latest report of each phase is kept for late joiners. */
    public void setup(long runId, String phase, String progressJson) {
        setupLocally(runId, phase, progressJson);
        publish("setup", runId, phase, progressJson);
    }

    private void setupLocally(long runId, String phase, String progressJson) {
        Channel channel = channel(runId);
        synchronized (channel) {
            channel.setup.put(phase, progressJson);
            send(channel, "{\"type\":\"setup\",\"run_id\":" + runId + ",\"progress\":" + progressJson + "}");
        }
    }

    public void interval(long runId, String intervalJson) {
        intervalLocally(runId, intervalJson);
        publish("interval", runId, "", intervalJson);
    }

    /**
     * An interval of a run executing on another replica. A channel that missed the run's start (this replica started
     * later) takes the intervals stored so far first: the interval is stored before it is published, so it is among them.
     */
    private void intervalFromElsewhere(long runId, String intervalJson) {
        Channel channel = channel(runId);
        synchronized (channel) {
            if (!channel.active) {
                channel.active = true;
                channel.intervals.clear();
                channel.intervals.addAll(results.intervals(runId));
                send(channel, intervalMessage(runId, intervalJson));
                return;
            }
        }
        intervalLocally(runId, intervalJson);
    }

    private void intervalLocally(long runId, String intervalJson) {
        Channel channel = channel(runId);
        synchronized (channel) {
            channel.intervals.add(intervalJson);
            send(channel, intervalMessage(runId, intervalJson));
        }
    }

    private static String intervalMessage(long runId, String intervalJson) {
        return "{\"type\":\"interval\",\"run_id\":" + runId + ",\"interval\":" + intervalJson + "}";
    }

    /** A target telemetry sample ({@code seq}, {@code elapsed_seconds}, {@code metrics}); a late joiner reads earlier ones from the API. */
    public void telemetry(long runId, String sampleJson) {
        telemetryLocally(runId, sampleJson);
        publish("telemetry", runId, "", sampleJson);
    }

    private void telemetryLocally(long runId, String sampleJson) {
        Channel channel = channel(runId);
        synchronized (channel) {
            send(channel, "{\"type\":\"telemetry\",\"run_id\":" + runId + ",\"sample\":" + sampleJson + "}");
        }
    }

    public void step(long runId, String stepJson) {
        stepLocally(runId, stepJson);
        publish("step", runId, "", stepJson);
    }

    private void stepLocally(long runId, String stepJson) {
        Channel channel = channel(runId);
        synchronized (channel) {
            send(channel, "{\"type\":\"step\",\"run_id\":" + runId + ",\"step\":" + stepJson + "}");
        }
    }

    /** A status change; a finished run's channel stops holding intervals (the database has them all). */
    public void status(long runId, RunState status, boolean finished) {
        statusLocally(runId, status, finished);
        publish("status", runId, status.value(), String.valueOf(finished));
    }

    private void statusLocally(long runId, RunState status, boolean finished) {
        Channel channel = channel(runId);
        synchronized (channel) {
            send(channel, json.writeValueAsString(new StatusMessage("status", runId, status)));
            if (finished) {
                channel.active = false;
                channel.intervals.clear();
                channel.setup.clear();
                if (channel.subscribers.isEmpty()) {
                    channels.remove(runId, channel);
                }
            }
        }
    }

    /** Subscribes a session and sends it the snapshot; false when the run does not exist. */
    boolean subscribe(WebSocketSession session, long runId) throws IOException {
        RunSummary run = runs.find(runId).orElse(null);
        if (run == null) {
            return false;
        }
        Channel channel = channel(runId);
        synchronized (channel) {
            // re-read under the lock: the status may have changed since the first look
            run = runs.find(runId).orElse(run);
            List<String> intervals = channel.active ? new ArrayList<>(channel.intervals) : results.intervals(runId);
            String setup = channel.active ? ResultRepository.array(new ArrayList<>(channel.setup.values()))
                    : runs.setupJson(runId).orElse("[]");
            String snapshot = "{\"type\":\"snapshot\",\"run\":" + json.writeValueAsString(run)
                    + ",\"intervals\":" + ResultRepository.array(intervals) + ",\"setup\":" + setup + "}";
            session.sendMessage(new TextMessage(snapshot));
            channel.subscribers.add(session);
        }
        return true;
    }

    void unsubscribe(WebSocketSession session, long runId) {
        Channel channel = channels.get(runId);
        if (channel != null) {
            synchronized (channel) {
                channel.subscribers.remove(session);
                if (channel.subscribers.isEmpty() && !channel.active) {
                    channels.remove(runId, channel);
                }
            }
        }
    }

    void unsubscribeAll(WebSocketSession session) {
        channels.keySet().forEach(id -> unsubscribe(session, id));
    }

    private Channel channel(long runId) {
        return channels.computeIfAbsent(runId, id -> new Channel());
    }

    private static void send(Channel channel, String message) {
        for (WebSocketSession session : channel.subscribers) {
            try {
                if (session.isOpen()) {
                    session.sendMessage(new TextMessage(message));
                }
            } catch (IOException | RuntimeException e) {
                log.debug("Dropping a live-feed subscriber: {}", e.getMessage());
                channel.subscribers.remove(session);
            }
        }
    }

    private static final class Channel {
        final List<String> intervals = new ArrayList<>();
        final Map<String, String> setup = new LinkedHashMap<>();
        final Set<WebSocketSession> subscribers = ConcurrentHashMap.newKeySet();
        boolean active;
    }

    record StatusMessage(String type, long runId, RunState status) {
    }
}
