package dev.benchdeck.server.target;

/** The kinds of target and the plan driver each one runs with. */
public final class TargetKinds {

    public static final String HTTP = "http";
    public static final String POSTGRES = "postgres";
    /** An LLM endpoint (OpenAI, Anthropic, any OpenAI-compatible server) with an encrypted API key. */
    public static final String LLM = "llm";
    /** An automation API (web agents and the like) with an external automation id and default inputs. */
    public static final String AUTOMATION = "automation";
    /** Benchdeck's streaming gateway: a URL and an admin token (for its stats, config and telemetry; never in a plan). */
    public static final String GATEWAY = "gateway";
    /** Benchdeck's ingestor (or one like it): its base URL and the PostgreSQL sink it writes to, for the ingest driver. */
    public static final String INGESTOR = "ingestor";

    private TargetKinds() {
    }

    /** The {@code workload.driver} that talks to this kind of target, and whose factory offers its connection check and telemetry. */
    public static String driver(String kind) {
        return switch (kind) {
            case POSTGRES -> "jdbc";
            case LLM, AUTOMATION, GATEWAY -> "llm";
            case INGESTOR -> "ingest";
            default -> "http";
        };
    }

    /** Whether the target's secret is an API key ({@code credentials.api_key}) for the llm driver. */
    public static boolean usesApiKey(String kind) {
        return LLM.equals(kind) || AUTOMATION.equals(kind);
    }
}
