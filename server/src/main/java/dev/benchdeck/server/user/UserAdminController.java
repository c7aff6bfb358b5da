package dev.benchdeck.server.user;

import dev.benchdeck.server.security.Role;
import dev.benchdeck.server.system.BadRequestException;
import dev.benchdeck.server.system.FieldProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The admins' pages: users (created with a password they must change at first sign-in) and settings. */
@RestController
@RequestMapping("/api/v1")
class UserAdminController {

    private final UserService users;
    private final SettingsService settings;

    UserAdminController(UserService users, SettingsService settings) {
        this.users = users;
        this.settings = settings;
    }

    @GetMapping("/users")
    List<User> listUsers() {
        return users.list();
    }

    @PostMapping("/users")
    ResponseEntity<User> createUser(@Valid @RequestBody NewUser request) {
        User created = users.create(request.username(), request.password(), role(request.role()), true);
        return ResponseEntity.created(URI.create("/api/v1/users/" + created.id())).body(created);
    }

    /** Role and/or enabled; disabling ends the user's sessions and revokes their tokens. */
    @PatchMapping("/users/{id}")
    User updateUser(@PathVariable long id, @Valid @RequestBody UserChange request) {
        return users.update(id, request.role() == null ? null : role(request.role()), request.enabled());
    }

    /** 204; the user must change the password at their next sign-in. */
    @PostMapping("/users/{id}/reset-password")
    ResponseEntity<Void> resetPassword(@PathVariable long id, @Valid @RequestBody PasswordReset request) {
        users.resetPassword(id, request.password());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/settings")
    Settings getSettings() {
        return settings.get();
    }

    @PutMapping("/settings")
    Settings updateSettings(@Valid @RequestBody SettingsChange request) {
        return settings.update(new Settings(request.selfRegistration(), request.requireTotp()));
    }

    private static Role role(String name) {
        return Role.parse(name).orElseThrow(() -> new BadRequestException("the request body has invalid fields",
                List.of(new FieldProblem("role", "must be one of viewer, editor, admin"))));
    }

    record NewUser(@NotNull @Size(max = 200) String username, @NotNull @Size(max = 1024) String password,
                   @NotNull @Size(max = 20) String role) {
    }

    record UserChange(@Nullable @Size(max = 20) String role, @Nullable Boolean enabled) {
    }

    record PasswordReset(@NotNull @Size(max = 1024) String password) {
    }

    record SettingsChange(@NotNull Boolean selfRegistration, @NotNull Boolean requireTotp) {
    }
}
