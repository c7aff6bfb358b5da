package dev.benchdeck.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OidcSettingsTest {

    private static final String SECRET = "the client secret 3e9a";

    private static OidcProperties properties(String issuer, String clientId, Map<String, String> roles, String defaultRole) {
        return new OidcProperties(issuer, clientId, "SSO_SECRET", "Keycloak", "groups", roles, defaultRole, List.of("openid", "profile"));
    }

    private static OidcSettings check(OidcProperties properties) {
        return OidcSettings.check(properties, name -> name.equals("SSO_SECRET") ? SECRET : null);
    }

    @Test
    void theHighestMappedRoleWinsElseTheDefault() {
        OidcSettings settings = check(properties("https://sso.example.com/realms/bench", "benchdeck",
                Map.of("bench-admins", "admin", "bench-editors", "editor"), "viewer"));
        assertThat(settings.roleFor(List.of("staff", "bench-editors", "bench-admins"))).contains(Role.ADMIN);
        assertThat(settings.roleFor("bench-editors")).contains(Role.EDITOR);
        assertThat(settings.roleFor(List.of("staff"))).contains(Role.VIEWER);
        assertThat(settings.roleFor(null)).contains(Role.VIEWER);
        assertThat(settings.toString()).doesNotContain(SECRET).contains("benchdeck");
    }

    @Test
    void defaultRoleNoneRefusesUnmappedUsers() {
        OidcSettings settings = check(properties("https://sso.example.com", "benchdeck", Map.of("ops", "editor"), "none"));
        assertThat(settings.roleFor(List.of("staff"))).isEqualTo(Optional.empty());
        assertThat(settings.roleFor(List.of("ops"))).contains(Role.EDITOR);
    }

    @Test
    void badSettingsStopTheStartWithOneLineNamingTheProperty() {
        assertThatThrownBy(() -> check(properties("http://sso.example.com", "benchdeck", Map.of(), "viewer")))
                .hasMessageStartingWith("invalid OIDC settings: benchdeck.security.oidc.issuer-uri must be an https URL");
        assertThatThrownBy(() -> check(properties("https://sso.example.com", " ", Map.of(), "viewer")))
                .hasMessage("invalid OIDC settings: benchdeck.security.oidc.client-id is required when issuer-uri is set");
        assertThatThrownBy(() -> check(properties("https://sso.example.com", "benchdeck", Map.of("ops", "root"), "viewer")))
                .hasMessage("invalid OIDC settings: benchdeck.security.oidc.roles[ops] must be viewer, editor or admin, not root");
        assertThatThrownBy(() -> check(properties("https://sso.example.com", "benchdeck", Map.of(), "guest")))
                .hasMessage("invalid OIDC settings: benchdeck.security.oidc.default-role must be viewer, editor, admin or none, not guest");
        assertThatThrownBy(() -> OidcSettings.check(properties("https://sso.example.com", "benchdeck", Map.of(), "viewer"), name -> null))
                .hasMessage("invalid OIDC settings: benchdeck.security.oidc.client-secret-env names the environment variable SSO_SECRET, which is not set or empty");
        assertThat(check(properties("http://127.0.0.1:9000", "benchdeck", Map.of(), "viewer")).issuer().getPort()).isEqualTo(9000);
    }
}
