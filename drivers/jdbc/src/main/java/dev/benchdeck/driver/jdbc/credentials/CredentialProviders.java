package dev.benchdeck.driver.jdbc.credentials;

import dev.benchdeck.driver.jdbc.config.JdbcTarget;

/** Picks the credential provider a target asks for: inline password, environment variable, or Lakebase OAuth. */
public final class CredentialProviders {

    private CredentialProviders() {
    }

    public static CredentialProvider forTarget(JdbcTarget target) throws CredentialException {
        if (target.lakebase() != null) {
            return LakebaseCredentials.connect(target.user(), target.lakebase());
        }
        if (target.passwordEnv() != null) {
            String value = System.getenv(target.passwordEnv());
            if (value == null) {
                throw new CredentialException("environment variable " + target.passwordEnv() + " is not set");
            }
            return new StaticPassword(target.user(), value, "environment variable " + target.passwordEnv());
        }
        return new StaticPassword(target.user(), target.password());
    }
}
