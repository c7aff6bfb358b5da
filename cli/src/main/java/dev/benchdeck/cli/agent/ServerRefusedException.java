package dev.benchdeck.cli.agent;

/** The server answered, and said no: a bad token, another protocol version, a body it could not read. */
public final class ServerRefusedException extends Exception {

    private final int status;

    public ServerRefusedException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** Too many requests (429) or unavailable for now (503): worth trying again shortly, not a refusal of the agent. */
    public boolean isTemporary() {
        return status == 429 || status == 503;
    }
}
