package dev.benchdeck.cli;

/** The CLI's exit codes; stable, documented in the README. */
public final class ExitCode {

    /** The run completed and every threshold held (or the plan is valid). */
    public static final int PASSED = 0;
    /** The run completed but at least one threshold failed. */
    public static final int THRESHOLDS_FAILED = 1;
    /** {@code compare --fail-on-regression}: some metric got significantly worse. */
    public static final int REGRESSION = 1;
    /** The plan is invalid, the command line is wrong, or a result file cannot be read or compared. */
    public static final int INVALID_INPUT = 2;
    /** The run itself failed: target unreachable, deadline passed, internal error. */
    public static final int RUN_FAILED = 3;
    /** A service was asked to listen beyond loopback without the token that would protect it, and refused. */
    public static final int UNSAFE_EXPOSURE = 4;
    /** {@code run --upload}: the run passed but the server did not store it (unreachable, refused, no token). */
    public static final int UPLOAD_FAILED = 5;
    /** {@code agent}: the server refused the agent (a bad token, another agent protocol version). */
    public static final int AGENT_REFUSED = 6;
    /** Stopped with Ctrl-C; partial results were still written. */
    public static final int INTERRUPTED = 130;

    private ExitCode() {
    }
}
