package dev.benchdeck.server.user;

import dev.benchdeck.server.audit.AuditLog;
import dev.benchdeck.server.security.ApiRefusal;
import dev.benchdeck.server.security.CurrentActor;
import dev.benchdeck.server.security.OidcLogin;
import dev.benchdeck.server.security.Role;
import dev.benchdeck.server.security.UserSessions;
import dev.benchdeck.server.system.BadRequestException;
import dev.benchdeck.server.system.FieldProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Signing in and out, the first admin's setup and self-registration. */
@RestController
@RequestMapping("/api/v1/auth")
class AuthController {

    private final UserService users;
    private final UserRepository repository;
    private final SignIn signIn;
    private final SetupLink setupLink;
    private final SettingsService settings;
    private final UserSessions sessions;
    private final TransactionTemplate transaction;
    private final AuditLog audit;
    private final Oidc oidc;

    AuthController(UserService users, UserRepository repository, SignIn signIn, SetupLink setupLink, SettingsService settings,
                   UserSessions sessions, TransactionTemplate transaction, AuditLog audit, ObjectProvider<OidcLogin> oidcLogin) {
        this.audit = audit;
        OidcLogin login = oidcLogin.getIfAvailable();
        this.oidc = login == null ? new Oidc(false, null) : new Oidc(true, login.settings().name());
        this.users = users;
        this.repository = repository;
        this.signIn = signIn;
        this.setupLink = setupLink;
        this.settings = settings;
        this.sessions = sessions;
        this.transaction = transaction;
    }

    /** What the dashboard needs before anything else; also sets (refreshes) the XSRF-TOKEN cookie. */
    @GetMapping("/state")
    AuthState authState(HttpServletRequest http) {
        if (http.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken csrf) {
            csrf.getToken(); // the deferred token is written as a cookie only once it is read
        }
        User user = CurrentActor.get().map(actor -> users.get(actor.userId())).orElse(null);
        Settings current = settings.get();
        return new AuthState(repository.count() == 0, user != null, user, current.selfRegistration(), current.requireTotp(),
                oidc);
    }

    /** Creates the first admin with the setup link's token and signs them in. */
    @PostMapping("/setup")
    ResponseEntity<User> setup(@Valid @RequestBody SetupRequest request, HttpServletRequest http) {
        List<FieldProblem> problems = new ArrayList<>();
        if (!setupLink.isValid(request.token())) {
            problems.add(new FieldProblem("token", "is not a valid setup token (wrong, used, expired, or there are users already)"));
        }
        problems.addAll(UserService.problems(request.username(), request.password(), "password"));
        if (!problems.isEmpty()) {
            throw new BadRequestException("the request body has invalid fields", problems);
        }
        User admin = transaction.execute(status -> {
            if (!setupLink.consume(request.token()) || repository.count() > 0) {
                throw new BadRequestException("the request body has invalid fields",
                        List.of(new FieldProblem("token", "is not a valid setup token (wrong, used, expired, or there are users already)")));
            }
            return users.create(request.username(), request.password(), Role.ADMIN, false);
        });
        sessions.signIn(http, admin.id(), admin.username());
        audit.recordAs(admin.id(), admin.username(), "setup_completed", "user", admin.id(), null);
        return ResponseEntity.created(URI.create("/api/v1/users/" + admin.id())).body(admin);
    }

    @PostMapping("/sign-in")
    User signIn(@Valid @RequestBody SignInRequest request, HttpServletRequest http) {
        User user = signIn.check(request.username(), request.password(), request.totpCode(), http.getRemoteAddr());
        sessions.signIn(http, user.id(), user.username());
        return user;
    }

    /** A viewer account of one's own, when the admins allow it (403 otherwise); not signed in yet. */
    @PostMapping("/register")
    ResponseEntity<User> register(@Valid @RequestBody RegisterRequest request) {
        if (!settings.get().selfRegistration()) {
            throw new ApiRefusal(403, "Forbidden", "self-registration is off: ask an admin for an account");
        }
        User user = users.create(request.username(), request.password(), Role.VIEWER, false);
        audit.recordAs(user.id(), user.username(), "registered", "user", user.id(), null);
        return ResponseEntity.created(URI.create("/api/v1/users/" + user.id())).body(user);
    }

    @PostMapping("/sign-out")
    ResponseEntity<Void> signOut(HttpServletRequest http) {
        CurrentActor.get().ifPresent(actor -> audit.recordAs(actor.userId(), actor.username(), "sign_out", "user", actor.userId(), null));
        sessions.signOut(http);
        return ResponseEntity.noContent().build();
    }

    /** Ends every session of the signed-in user, this one too; API tokens stay. */
    @PostMapping("/sign-out-everywhere")
    ResponseEntity<Void> signOutEverywhere(HttpServletRequest http) {
        sessions.endAll(CurrentActor.require().username(), null);
        CurrentActor.get().ifPresent(actor -> audit.recordAs(actor.userId(), actor.username(), "sign_out", "user", actor.userId(),
                java.util.Map.of("everywhere", true)));
        sessions.signOut(http);
        return ResponseEntity.noContent().build();
    }

    record AuthState(boolean setupRequired, boolean signedIn, @Nullable User user, boolean selfRegistration, boolean requireTotp,
                     Oidc oidc) {
    }

    record Oidc(boolean enabled, @Nullable String name) {
    }

    record SetupRequest(@NotNull @Size(max = 200) String token, @NotNull @Size(max = 200) String username,
                        @NotNull @Size(max = 1024) String password) {
    }

    record SignInRequest(@NotNull @Size(max = 200) String username, @NotNull @Size(max = 1024) String password,
                         @Nullable @Size(max = 50) String totpCode) {
    }

    record RegisterRequest(@NotNull @Size(max = 200) String username, @NotNull @Size(max = 1024) String password) {
    }
}
