package dev.benchdeck.server.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.boot.session.autoconfigure.DefaultCookieSerializerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.session.web.http.CookieSerializer;

/**
 * The URL rules of the contract (docs/security.md): the dashboard's files, health and the sign-in
 * endpoints are public; every other API call needs a user (a browser session or an API token), changes
 * need an editor, users/settings/audit/webhooks and Prometheus an admin. Object-level rules (editors change only
 * their own things) are the services' ({@link CurrentActor#requireMayChange}).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder(SecurityProperties properties) {
        SecurityProperties.SignIn signIn = properties.signIn();
        // by default half the cores: a flood of sign-ins leaves the other half to everything else
        int cap = signIn.concurrentHashes() > 0 ? signIn.concurrentHashes() : Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        return new BoundedPasswordEncoder(Passwords.encoder(), cap, signIn.hashWait());
    }

    /** Session ids of 256 random bits (Spring Session's UUIDs have 122; ASVS 7.2.3 asks for 128 or more). */
    @Bean
    org.springframework.session.SessionIdGenerator sessionIdGenerator() {
        return () -> Secrets.token("");
    }

    /**
     * No flash attributes: nothing here redirects with them, and Spring MVC's default looks for them in the HTTP
     * session on every request, which would load the session row behind the {@link AuthenticationCache}'s back.
     */
    @Bean
    static org.springframework.beans.factory.config.BeanPostProcessor noFlashAttributes() {
        return new org.springframework.beans.factory.config.BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (name.equals(org.springframework.web.servlet.DispatcherServlet.FLASH_MAP_MANAGER_BEAN_NAME)
                        && bean instanceof org.springframework.web.servlet.FlashMapManager) {
                    return new org.springframework.web.servlet.FlashMapManager() {
                        @Override
                        public org.springframework.web.servlet.FlashMap retrieveAndUpdate(HttpServletRequest request,
                                                                                          jakarta.servlet.http.HttpServletResponse response) {
                            return null;
                        }

                        @Override
                        public void saveOutputFlashMap(org.springframework.web.servlet.FlashMap flashMap, HttpServletRequest request,
                                                       jakarta.servlet.http.HttpServletResponse response) {
                        }
                    };
                }
                return bean;
            }
        };
    }

    /** The allowed origins may call /api/** (no cookies: only tokens, so CSRF stays out of it); none by default. */
    static org.springframework.web.cors.CorsConfigurationSource corsSource(java.util.List<String> origins) {
        var source = new org.springframework.web.cors.UrlBasedCorsConfigurationSource();
        if (!origins.isEmpty()) {
            var api = new org.springframework.web.cors.CorsConfiguration();
            api.setAllowedOrigins(origins);
            api.setAllowedMethods(java.util.List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"));
            api.setAllowedHeaders(java.util.List.of("Authorization", "Content-Type"));
            api.setAllowCredentials(false);
            api.setMaxAge(600L);
            source.registerCorsConfiguration("/api/**", api);
        }
        return source;
    }

    private static org.springframework.web.filter.CorsFilter corsFilter(java.util.List<String> origins) {
        var filter = new org.springframework.web.filter.CorsFilter(corsSource(origins));
        filter.setCorsProcessor(new CorsRefusals());
        return filter;
    }

    /** The firewall's refusals (an encoded ';', '/', '\\' or '%', a NUL, "..") in the one problem shape, naming the path. */
    @Bean
    org.springframework.security.web.firewall.RequestRejectedHandler requestRejectedHandler() {
        return (request, response, rejected) -> {
            String uri = request.getRequestURI() == null ? "" : request.getRequestURI();
            int odd = uri.indexOf('%');
            dev.benchdeck.server.system.ProblemJson.write(response, 400, "Invalid request", "the request has invalid parameters",
                    odd >= 0 ? uri.substring(0, odd) : uri, java.util.List.of(new dev.benchdeck.server.system.FieldProblem("path",
                            "must not contain an encoded ';', '/', '\\' or '%', a NUL, or a '..' segment")));
        };
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, BearerTokens tokens, SessionUsers users, AuthenticationCache authentications,
                                            CookieSerializer sessionCookies, TotpPolicy totp, SecurityProperties properties,
                                            ObjectProvider<OidcLogin> oidc) throws Exception {
        // cookie-authenticated writes need the XSRF-TOKEN cookie's value in X-XSRF-TOKEN; a Bearer request carries no cookie authority
        RequestMatcher needsCsrf = request -> !isSafe(request) && !ActorFilter.hasBearer(request);
        http.csrf(csrf -> csrf.spa().requireCsrfProtectionMatcher(needsCsrf))
                // sessions are UserSessions' (a new one at each sign-in); Spring's session management would change ids behind it
                .sessionManagement(session -> session.disable())
                .securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                // no CORS headers unless origins are allowed: browsers then keep other sites' pages away from the API;
                // Spring's CORS filter in its usual place, with refusals as problem details
                .cors(cors -> cors.disable())
                .addFilterBefore(corsFilter(properties.corsAllowedOrigins()), CsrfFilter.class)
                .addFilterAfter(new ActorFilter(tokens, users, authentications, sessionCookies, properties), CsrfFilter.class)
                .addFilterAfter(new ApiRateLimit(properties.api()), ActorFilter.class)
                .addFilterBefore(new AccountGate(totp), AuthorizationFilter.class)
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> SecurityProblems.write(request, response, 401,
                                SecurityProblems.UNAUTHENTICATED, "sign in, or send an API token as Authorization: Bearer", null))
                        .accessDeniedHandler((request, response, e) -> SecurityProblems.write(request, response, 403,
                                SecurityProblems.FORBIDDEN, e instanceof CsrfException
                                        ? "missing or invalid CSRF token: send the XSRF-TOKEN cookie's value in the X-XSRF-TOKEN header"
                                        : "your role does not allow this", null)))
                .authorizeHttpRequests(rules -> rules
                        .requestMatchers("/api/v1/auth/state", "/api/v1/auth/setup", "/api/v1/auth/sign-in", "/api/v1/auth/register").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/**").hasRole("ADMIN")
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").authenticated()
                        .requestMatchers("/api/v1/users", "/api/v1/users/**", "/api/v1/settings", "/api/v1/audit", "/api/v1/audit/**",
                                "/api/v1/webhooks", "/api/v1/webhooks/**")
                        .hasRole("ADMIN")
                        // a leaked API token must not be able to change its owner's password or two-factor sign-in
                        .requestMatchers(HttpMethod.POST, "/api/v1/account/password", "/api/v1/account/totp", "/api/v1/account/totp/**")
                        .access((authentication, context) -> new AuthorizationDecision(
                                authentication.get().getPrincipal() instanceof Actor actor && !actor.viaToken()))
                        .requestMatchers("/api/v1/auth/**", "/api/v1/account", "/api/v1/account/**").authenticated()
                        // an ingestor's figures and feed are for every signed-in user; starting a burst is an editor's change
                        .requestMatchers(HttpMethod.GET, "/api/v1/targets/*/ingestor/stats", "/api/v1/targets/*/ingestor/series",
                                "/api/v1/targets/*/ingestor/messages").authenticated()
                        .requestMatchers(HttpMethod.POST, "/api/v1/targets/*/ingestor/simulate").hasRole("EDITOR")
                        // history (docs/history.md): history, alerts and detection settings are every signed-in user's to read; uploads,
                        // labels, detection settings and triage are editors' (the run's or scenario's creator, or an admin: the services')
                        .requestMatchers(HttpMethod.GET, "/api/v1/scenarios/*/history", "/api/v1/scenarios/*/alerts",
                                "/api/v1/scenarios/*/detection", "/api/v1/runs/*/alerts", "/api/v1/alerts", "/api/v1/demo-target/config").authenticated()
                        .requestMatchers(HttpMethod.POST, "/api/v1/runs/import", "/api/v1/alerts/*/acknowledge", "/api/v1/alerts/*/false-positive")
                        .hasRole("EDITOR")
                        .requestMatchers(HttpMethod.PUT, "/api/v1/scenarios/*/detection", "/api/v1/demo-target/config").hasRole("EDITOR")
                        .requestMatchers(HttpMethod.PATCH, "/api/v1/runs/*/labels").hasRole("EDITOR")
                        .requestMatchers(HttpMethod.GET, "/api/**").authenticated()
                        .requestMatchers(HttpMethod.HEAD, "/api/**").authenticated()
                        .requestMatchers(HttpMethod.POST, "/api/v1/plans/validate").authenticated()
                        .requestMatchers("/api/**").hasRole("EDITOR")
                        // the dashboard's files, and the OIDC flow's /oauth2/authorization/* and /login/oauth2/code/*
                        .anyRequest().permitAll());
        OidcLogin login = oidc.getIfAvailable();
        if (login != null) {
            login.apply(http);
        }
        return http.build();
    }

    /** The session cookie of the contract: {@code benchdeck_session}, {@code __Host-} prefixed and Secure under TLS. */
    @Bean
    DefaultCookieSerializerCustomizer sessionCookie(ServerProperties server) {
        boolean tls = server.getSsl() != null && server.getSsl().isEnabled();
        return cookie -> {
            cookie.setCookieName(tls ? "__Host-benchdeck_session" : "benchdeck_session");
            cookie.setUseSecureCookie(tls);
            cookie.setUseHttpOnlyCookie(true);
            cookie.setSameSite("Lax");
            cookie.setCookiePath("/");
        };
    }

    private static boolean isSafe(HttpServletRequest request) {
        String method = request.getMethod();
        return "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method) || "TRACE".equals(method);
    }
}
