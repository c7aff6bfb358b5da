package dev.benchdeck.server.user;

import dev.benchdeck.server.security.Actor;
import dev.benchdeck.server.security.CurrentActor;
import dev.benchdeck.server.security.UserSessions;
import dev.benchdeck.server.system.BadRequestException;
import dev.benchdeck.server.system.FieldProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user's own account: password and two-factor sign-in (API tokens: TokenController). */
@RestController
@RequestMapping("/api/v1/account")
class AccountController {

    private final UserService users;
    private final TwoFactor twoFactor;

    AccountController(UserService users, TwoFactor twoFactor) {
        this.users = users;
        this.twoFactor = twoFactor;
    }

    @GetMapping
    User account() {
        return users.get(CurrentActor.require().userId());
    }

    /** 204; the user's other sessions end. */
    @PostMapping("/password")
    ResponseEntity<Void> changePassword(@Valid @RequestBody PasswordChange request, HttpServletRequest http) {
        Actor actor = inBrowser();
        users.changePassword(actor.userId(), request.currentPassword(), request.newPassword(),
                UserSessions.currentSessionId(http).orElse(null));
        return ResponseEntity.noContent().build();
    }

    /** Starts enrolment: a secret for the authenticator app, not in force until confirmed. */
    @PostMapping("/totp")
    TwoFactor.Enrolment startTotp() {
        return twoFactor.start(users.get(inBrowser().userId()));
    }

    @PostMapping("/totp/confirm")
    RecoveryCodes confirmTotp(@Valid @RequestBody TotpConfirmation request) {
        return new RecoveryCodes(twoFactor.confirm(inBrowser().userId(), request.code().strip()));
    }

    @PostMapping("/totp/disable")
    ResponseEntity<Void> disableTotp(@Valid @RequestBody PasswordConfirmation request) {
        Actor actor = inBrowser();
        if (!users.passwordMatches(actor.userId(), request.password())) {
            throw new BadRequestException("the request body has invalid fields", List.of(new FieldProblem("password", "is not your password")));
        }
        twoFactor.disable(actor.userId());
        return ResponseEntity.noContent().build();
    }

    /** Password and two-factor changes are made in a browser session: a leaked API token cannot lock its owner out. */
    private static Actor inBrowser() {
        Actor actor = CurrentActor.require();
        if (actor.viaToken()) {
            throw new AccessDeniedException("change your password and two-factor sign-in when signed in, not with an API token");
        }
        return actor;
    }

    record PasswordChange(@NotNull @Size(max = 1024) String currentPassword, @NotNull @Size(max = 1024) String newPassword) {
    }

    record TotpConfirmation(@NotNull @Size(max = 20) String code) {
    }

    record PasswordConfirmation(@NotNull @Size(max = 1024) String password) {
    }

    record RecoveryCodes(List<String> recoveryCodes) {
    }
}
