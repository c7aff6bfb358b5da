package dev.benchdeck.server.security;

import java.net.URI;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The OIDC settings checked once at start (a bad one stops the start with one line naming the property),
 * and the role mapping. Its {@code toString} leaves the client secret out.
 */
public final class OidcSettings {

    private static final String PREFIX = "benchdeck.security.oidc.";

    private final URI issuer;
    private final String clientId;
    private final String clientSecret;
    private final String name;
    private final String rolesClaim;
    private final Map<String, Role> roles;
    private final Optional<Role> defaultRole;
    private final List<String> scopes;

    private OidcSettings(URI issuer, String clientId, String clientSecret, String name, String rolesClaim, Map<String, Role> roles,
                         Optional<Role> defaultRole, List<String> scopes) {
        this.issuer = issuer;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.name = name;
        this.rolesClaim = rolesClaim;
        this.roles = roles;
        this.defaultRole = defaultRole;
        this.scopes = scopes;
    }

    /** The checked settings, or an {@link IllegalArgumentException} whose message is the one line to print. */
    public static OidcSettings check(OidcProperties properties, UnaryOperator<@Nullable String> environment) {
        URI issuer = issuer(properties.issuerUri());
        if (properties.clientId() == null || properties.clientId().isBlank()) {
            throw invalid("client-id", "is required when issuer-uri is set");
        }
        String secretEnv = properties.clientSecretEnv();
        if (!secretEnv.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw invalid("client-secret-env", "must be the name of an environment variable (letters, digits, _)");
        }
        String secret = environment.apply(secretEnv);
        if (secret == null || secret.isBlank()) {
            throw invalid("client-secret-env", "names the environment variable " + secretEnv + ", which is not set or empty");
        }
        if (properties.name().isBlank()) {
            throw invalid("name", "must not be blank");
        }
        if (properties.rolesClaim().isBlank()) {
            throw invalid("roles-claim", "must not be blank");
        }
        Map<String, Role> roles = new LinkedHashMap<>();
        Map<String, String> configured = properties.roles() == null ? Map.of() : properties.roles();
        configured.forEach((value, role) -> roles.put(value, Role.parse(role).orElseThrow(
                () -> invalid("roles[" + value + "]", "must be viewer, editor or admin, not " + role))));
        Optional<Role> defaultRole = "none".equals(properties.defaultRole()) ? Optional.empty()
                : Optional.of(Role.parse(properties.defaultRole()).orElseThrow(
                        () -> invalid("default-role", "must be viewer, editor, admin or none, not " + properties.defaultRole())));
        if (!properties.scopes().contains("openid")) {
            throw invalid("scopes", "must include openid");
        }
        return new OidcSettings(issuer, properties.clientId().strip(), secret, properties.name().strip(), properties.rolesClaim(),
                Map.copyOf(roles), defaultRole, List.copyOf(properties.scopes()));
    }

    private static URI issuer(@Nullable String value) {
        URI uri;
        try {
            uri = URI.create(value == null ? "" : value.strip());
        } catch (IllegalArgumentException e) {
            throw invalid("issuer-uri", "is not a URL: " + value);
        }
        boolean loopback = uri.getHost() != null && (uri.getHost().equals("localhost") || uri.getHost().startsWith("127.")
                || uri.getHost().equals("[::1]"));
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null
                || !("https".equals(uri.getScheme()) || ("http".equals(uri.getScheme()) && loopback))) {
            throw invalid("issuer-uri", "must be an https URL without user info, query or fragment (http only on loopback), not " + value);
        }
        return uri;
    }

    private static IllegalArgumentException invalid(String property, String problem) {
        return new IllegalArgumentException("invalid OIDC settings: " + PREFIX + property + " " + problem);
    }

    /**
     * The role the claim's value(s) give, the highest of several matches; the default role when none maps;
     * empty when the sign-in is refused ({@code default-role: none}).
     */
    public Optional<Role> roleFor(@Nullable Object claim) {
        Collection<?> values = claim instanceof Collection<?> many ? many : claim == null ? List.of() : List.of(claim);
        Optional<Role> mapped = values.stream().map(v -> roles.get(String.valueOf(v))).filter(r -> r != null)
                .max(Enum::compareTo);
        return mapped.isPresent() ? mapped : defaultRole;
    }

    public URI issuer() {
        return issuer;
    }

    public String clientId() {
        return clientId;
    }

    /** For the token request only; never logged or returned. */
    String clientSecret() {
        return clientSecret;
    }

    /** The provider's name on the sign-in button. */
    public String name() {
        return name;
    }

    public String rolesClaim() {
        return rolesClaim;
    }

    List<String> scopes() {
        return scopes;
    }

    @Override
    public String toString() {
        return "OidcSettings[issuer=" + issuer + ", clientId=" + clientId + ", name=" + name + ", rolesClaim=" + rolesClaim
                + ", roles=" + roles + ", defaultRole=" + defaultRole.map(Role::value).orElse("none") + "]";
    }
}
