package dev.benchdeck.server.agent;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A registered load agent as the Agents page shows it: online while its last heartbeat is under 5 s old; the run
 * and shard it executes, if any; its clock's offset from the server's (ms, server − agent) with the round trip it
 * was measured over.
 */
public record AgentView(long id, String name, Map<String, String> labels, int cores, long memoryBytes, String version,
                        Instant registeredAt, Instant lastHeartbeat, boolean online,
                        @Nullable Double clockOffsetMs, @Nullable Double roundTripMs,
                        @Nullable Long currentRun, @Nullable Integer currentShard) {

    /** Whether it carries every one of these labels. */
    boolean carries(Map<String, String> wanted) {
        return wanted.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }
}
