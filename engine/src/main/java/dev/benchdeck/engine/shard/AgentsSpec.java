package dev.benchdeck.engine.shard;

import java.util.Map;

/**
 * A plan's {@code agents}: run on {@code count} load agents (those carrying every label given), and what to do when
 * one of them goes silent mid-run.
 */
public record AgentsSpec(int count, Map<String, String> labels, OnAgentLoss onLoss) {

    /** The most agents one run may ask for. */
    public static final int MAX_AGENTS = 256;

    public AgentsSpec {
        labels = Map.copyOf(labels);
    }

    /** What a run does when one of its agents is lost. */
    public enum OnAgentLoss {
        /** The others go on; the results keep what the lost agent sent and are marked partial (the default). */
        CONTINUE,
        /** The run stops and fails, naming the agent. */
        FAIL
    }
}
