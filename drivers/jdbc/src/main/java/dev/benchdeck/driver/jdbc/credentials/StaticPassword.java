package dev.benchdeck.driver.jdbc.credentials;

/** A fixed password (inline in the plan, from an environment variable, or injected by the server from its encrypted store). */
public final class StaticPassword implements CredentialProvider {

    private final Credential credential;
    private final String description;

    public StaticPassword(String user, String password) {
        this(user, password, "the target's password");
    }

    public StaticPassword(String user, String password, String description) {
        this.credential = new Credential(user, password, null);
        this.description = description;
    }

    @Override
    public Credential credential() {
        return credential;
    }

    @Override
    public void invalidate() {
        // nothing to refresh: a wrong password stays wrong
    }

    @Override
    public String description() {
        return description;
    }
}
