package dev.benchdeck.server.target;

/** The kinds of target and the plan driver each one runs with. */
public final class TargetKinds {

    public static final String HTTP = "http";
    public static final String POSTGRES = "postgres";

    private TargetKinds() {
    }

    /** The {@code workload.driver} that talks to this kind of target. */
    public static String driver(String kind) {
        return POSTGRES.equals(kind) ? "jdbc" : "http";
    }
}
