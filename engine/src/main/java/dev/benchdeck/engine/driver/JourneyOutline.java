package dev.benchdeck.engine.driver;

import java.util.Set;

/** The names a journey workload measures under, so that thresholds such as {@code step[login].p99} can be checked against it. */
public record JourneyOutline(Set<String> steps, Set<String> groups) {

    public JourneyOutline {
        steps = Set.copyOf(steps);
        groups = Set.copyOf(groups);
    }
}
