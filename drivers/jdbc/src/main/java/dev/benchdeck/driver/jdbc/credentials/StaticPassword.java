package dev.benchdeck.driver.jdbc.credentials;

/** A fixed password (inline in the plan, or injected by the server from its encrypted store). */
public final class StaticPassword implements CredentialProvider {

    private final Credential credential;

    public StaticPassword(String user, String password) {
        this.credential = new Credential(user, password, null);
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
        return "the target's password";
    }
}
