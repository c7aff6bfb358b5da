package dev.benchdeck.server.security;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * OIDC sign-in ({@code benchdeck.security.oidc.*}), off unless {@code issuer-uri} is set. The client secret
 * is never a property: only the name of the environment variable holding it is.
 *
 * @param issuerUri the provider's issuer, e.g. {@code https://sso.example.com/realms/bench}
 * @param clientId the client registered at the provider for Benchdeck
 * @param clientSecretEnv the environment variable with the client secret
 * @param name what the sign-in button says: "Sign in with {name}"
 * @param rolesClaim the ID token (or user info) claim with the user's groups or roles: a string or a list of strings
 * @param roles claim value → {@code viewer}, {@code editor} or {@code admin}; of several matches the highest role wins
 * @param defaultRole the role when no value maps: {@code viewer}, {@code editor}, {@code admin}, or {@code none} to refuse the sign-in
 * @param scopes the scopes asked for ({@code openid} is needed)
 */
@ConfigurationProperties("benchdeck.security.oidc")
public record OidcProperties(@Nullable String issuerUri, @Nullable String clientId,
                             @DefaultValue("BENCHDECK_OIDC_CLIENT_SECRET") String clientSecretEnv,
                             @DefaultValue("OpenID Connect") String name,
                             @DefaultValue("groups") String rolesClaim,
                             @Nullable Map<String, String> roles,
                             @DefaultValue("viewer") String defaultRole,
                             @DefaultValue({"openid", "profile", "email"}) List<String> scopes) {
}
