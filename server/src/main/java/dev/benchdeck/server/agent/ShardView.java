package dev.benchdeck.server.agent;

import com.fasterxml.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;

/**
 * One agent's part of a run split over agents, for the per-agent breakdown: its status ({@code assigned},
 * {@code running}, {@code finished}, {@code failed}, {@code lost}), when it ended or was lost, its clock offset
 * when the run started (times as ISO-8601 text), and its own overall figures (the merged run's are the sum of these, exactly).
 */
public record ShardView(int shardIndex, int shardCount, @Nullable Long agentId, String agentName, String status,
                        @Nullable Double clockOffsetMs, @Nullable Double roundTripMs, @Nullable String assignedAt,
                        @Nullable String endedAt, @Nullable String failure, @Nullable JsonNode overall) {
}
