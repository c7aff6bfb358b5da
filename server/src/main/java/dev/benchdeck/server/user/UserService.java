package dev.benchdeck.server.user;

import dev.benchdeck.server.audit.AuditLog;
import dev.benchdeck.server.security.Actor;
import dev.benchdeck.server.security.AuthenticationCache;
import dev.benchdeck.server.security.Role;
import dev.benchdeck.server.security.SessionUsers;
import dev.benchdeck.server.security.UserSessions;
import dev.benchdeck.server.system.BadRequestException;
import dev.benchdeck.server.system.ConflictException;
import dev.benchdeck.server.system.FieldProblem;
import dev.benchdeck.server.system.NotFoundException;
import dev.benchdeck.server.token.TokenService;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** Accounts: creating them (checking names and passwords), passwords, roles, enabling and disabling. */
@Service
public class UserService implements SessionUsers {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");

    private final UserRepository users;
    private final PasswordEncoder encoder;
    private final UserSessions sessions;
    private final TokenService tokens;
    private final AuditLog audit;
    private final AuthenticationCache cache;

    UserService(UserRepository users, PasswordEncoder encoder, UserSessions sessions, TokenService tokens, AuditLog audit,
                AuthenticationCache cache) {
        this.audit = audit;
        this.cache = cache;
        this.users = users;
        this.encoder = encoder;
        this.sessions = sessions;
        this.tokens = tokens;
    }

    @Override
    public Optional<Actor> forSession(long userId) {
        return users.find(userId).filter(User::enabled).map(u -> new Actor(u.id(), u.username(), u.role(), null,
                u.mustChangePassword(), u.totpEnabled()));
    }

    public User get(long id) {
        return users.find(id).orElseThrow(() -> new NotFoundException("user", id));
    }

    public List<User> list() {
        return users.findAll();
    }

    /** Problems with a new account's name and password, by field (empty: fine). */
    public static List<FieldProblem> problems(String username, String password, String passwordField) {
        List<FieldProblem> problems = new ArrayList<>();
        if (!USERNAME.matcher(username).matches()) {
            problems.add(new FieldProblem("username",
                    "must be 1 to 64 letters, digits or . _ @ - (starting with a letter or digit)"));
        }
        PasswordPolicy.problem(password, username).ifPresent(p -> problems.add(new FieldProblem(passwordField, p)));
        return problems;
    }

    public User create(String username, String password, Role role, boolean mustChangePassword) {
        List<FieldProblem> problems = problems(username, password, "password");
        if (!problems.isEmpty()) {
            throw new BadRequestException("the request body has invalid fields", problems);
        }
        try {
            long id = users.insert(username, encoder.encode(password), role, mustChangePassword);
            audit.record("user_created", "user", id, java.util.Map.of("username", username, "role", role.value()));
            return get(id);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("the username " + username + " is taken");
        }
    }

    /** The user's own change: needs the current password; every other session of theirs ends. */
    public void changePassword(long userId, String current, String next, @Nullable String keepSessionId) {
        UserRepository.Credentials credentials = users.credentials(userId).orElseThrow(() -> new NotFoundException("user", userId));
        if (!encoder.matches(current, credentials.passwordHash())) {
            throw new BadRequestException("the request body has invalid fields",
                    List.of(new FieldProblem("current_password", "is not your current password")));
        }
        String username = credentials.user().username();
        Optional<String> problem = PasswordPolicy.problem(next, username);
        if (problem.isEmpty() && encoder.matches(next, credentials.passwordHash())) {
            problem = Optional.of("must differ from the current password");
        }
        problem.ifPresent(p -> {
            throw new BadRequestException("the request body has invalid fields", List.of(new FieldProblem("new_password", p)));
        });
        users.setPassword(userId, encoder.encode(next), false);
        cache.forgetUser(userId); // the kept session's actor no longer must change its password
        sessions.endAll(username, keepSessionId);
        audit.record("password_changed", "user", userId, java.util.Map.of("username", username));
    }

    /** An admin sets a password the user must change at their next sign-in; their sessions end. */
    public void resetPassword(long userId, String password) {
        User user = get(userId);
        PasswordPolicy.problem(password, user.username()).ifPresent(p -> {
            throw new BadRequestException("the request body has invalid fields", List.of(new FieldProblem("password", p)));
        });
        users.setPassword(userId, encoder.encode(password), true);
        cache.forgetUser(userId); // their tokens stay, but now must change the password first
        sessions.endAll(user.username(), null);
        audit.record("password_reset", "user", userId, java.util.Map.of("username", user.username()));
    }

    /** Changes role and/or enabled; disabling ends every session and revokes every token of the user. The last admin stays. */
    public User update(long userId, @Nullable Role role, @Nullable Boolean enabled) {
        User user = get(userId);
        boolean losesAdmin = user.role() == Role.ADMIN && user.enabled()
                && ((role != null && role != Role.ADMIN) || Boolean.FALSE.equals(enabled));
        if (losesAdmin && users.countAdmins() <= 1) {
            throw new ConflictException("this is the last enabled admin: make another admin first");
        }
        if (role != null) {
            users.setRole(userId, role);
        }
        if (enabled != null) {
            users.setEnabled(userId, enabled);
            if (!enabled) {
                sessions.endAll(user.username(), null);
                tokens.revokeAll(userId);
            }
        }
        cache.forgetUser(userId);
        java.util.Map<String, Object> changes = new java.util.LinkedHashMap<>();
        changes.put("username", user.username());
        if (role != null) {
            changes.put("role", role.value());
        }
        if (enabled != null) {
            changes.put("enabled", enabled);
        }
        audit.record("user_updated", "user", userId, changes);
        return get(userId);
    }

    /** Password check for sign-in and for confirming sensitive changes; false for an unknown user too. */
    boolean passwordMatches(long userId, String password) {
        return users.credentials(userId).map(c -> encoder.matches(password, c.passwordHash())).orElse(false);
    }

}
