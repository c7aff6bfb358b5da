package dev.benchdeck.server.security;

import dev.benchdeck.server.audit.AuditLog;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/**
 * OIDC sign-in through Spring Security's oauth2Login: the authorization-code flow with PKCE at
 * {@code /oauth2/authorization/oidc}, back at {@code /login/oauth2/code/oidc}; a successful one signs the
 * linked local user in exactly as a password sign-in does (a new {@link UserSessions} session), then
 * goes to the dashboard. Present only when {@code benchdeck.security.oidc.issuer-uri} is set.
 */
@Component
@ConditionalOnProperty("benchdeck.security.oidc.issuer-uri")
public final class OidcLogin {

    public static final String REGISTRATION_ID = "oidc";
    /** Where the dashboard's "Sign in with …" link goes. */
    public static final String START_PATH = "/oauth2/authorization/" + REGISTRATION_ID;
    static final String REFUSED = "/sign-in?oidc_error=refused";
    static final String FAILED = "/sign-in?oidc_error=failed";

    private static final Logger log = LoggerFactory.getLogger(OidcLogin.class);

    private final OidcSettings settings;
    private final OidcAccounts accounts;
    private final UserSessions sessions;
    private final AuditLog audit;
    private volatile ClientRegistration registration;

    OidcLogin(OidcProperties properties, OidcAccounts accounts, UserSessions sessions, AuditLog audit) {
        this.settings = OidcSettings.check(properties, System::getenv);
        this.accounts = accounts;
        this.sessions = sessions;
        this.audit = audit;
    }

    public OidcSettings settings() {
        return settings;
    }

    void apply(HttpSecurity http) throws Exception {
        http.oauth2Login(login -> login
                // the dashboard's page: no generated /login page
                .loginPage("/sign-in")
                .clientRegistrationRepository(registrations())
                // the provider's tokens are needed for nothing after sign-in: keep none
                .authorizedClientRepository(new NoAuthorizedClients())
                .successHandler(this::succeeded)
                .failureHandler(this::failed));
    }

    /** Discovery on first use, not at start: the server starts while the provider is down, and retries later. */
    private ClientRegistrationRepository registrations() {
        return id -> {
            if (!REGISTRATION_ID.equals(id)) {
                return null;
            }
            ClientRegistration found = registration;
            if (found == null) {
                try {
                    found = ClientRegistrations.fromIssuerLocation(settings.issuer().toString())
                            .registrationId(REGISTRATION_ID)
                            .clientName(settings.name())
                            .clientId(settings.clientId())
                            .clientSecret(settings.clientSecret())
                            .scope(settings.scopes())
                            .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                            .clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build())
                            .build();
                } catch (RuntimeException e) {
                    String why = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
                    log.warn("OIDC sign-in: cannot read the provider's configuration at {}: {}", settings.issuer(),
                            why.length() > 200 ? why.substring(0, 200) + "…" : why);
                    throw e;
                }
                registration = found;
            }
            return found;
        };
    }

    private void succeeded(HttpServletRequest request, HttpServletResponse response, Authentication authentication) throws IOException {
        // the provider's token is not a Benchdeck actor: the session below is what signs the user in
        SecurityContextHolder.clearContext();
        OidcUser user = (OidcUser) authentication.getPrincipal();
        String preferred = firstOf(user.getPreferredUsername(), user.getEmail(), user.getSubject());
        var identity = new OidcAccounts.OidcIdentity(user.getIssuer().toString(), user.getSubject(), preferred,
                settings.roleFor(user.getClaims().get(settings.rolesClaim())));
        Optional<OidcAccounts.SignedIn> signedIn = accounts.signIn(identity);
        if (signedIn.isEmpty()) {
            sessions.signOut(request);
            response.sendRedirect(REFUSED);
            return;
        }
        sessions.signIn(request, signedIn.get().userId(), signedIn.get().username());
        response.sendRedirect("/");
    }

    private void failed(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        String reason = e instanceof OAuth2AuthenticationException oauth ? oauth.getError().getErrorCode() : "authentication_failed";
        audit.recordAs(null, null, "sign_in_failed", "user", null, Map.of("method", "oidc", "reason", reason));
        sessions.signOut(request);
        response.sendRedirect(FAILED);
    }

    private static String firstOf(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        throw new IllegalStateException("an ID token without a subject");
    }

    /** Keeps no provider tokens (Spring's default would hold them in memory per user, unbounded). */
    private static final class NoAuthorizedClients implements OAuth2AuthorizedClientRepository {
        @Override
        public <T extends OAuth2AuthorizedClient> T loadAuthorizedClient(String id, Authentication principal, HttpServletRequest request) {
            return null;
        }

        @Override
        public void saveAuthorizedClient(OAuth2AuthorizedClient client, Authentication principal, HttpServletRequest request,
                                         HttpServletResponse response) {
        }

        @Override
        public void removeAuthorizedClient(String id, Authentication principal, HttpServletRequest request, HttpServletResponse response) {
        }
    }
}
