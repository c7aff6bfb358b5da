package dev.benchdeck.server.security;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** An API token's scope and the role it stands for: read = viewer, run = editor, admin = admin. */
public enum TokenScope {
    READ(Role.VIEWER), RUN(Role.EDITOR), ADMIN(Role.ADMIN);

    private final Role role;

    TokenScope(Role role) {
        this.role = role;
    }

    public Role role() {
        return role;
    }

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<TokenScope> parse(String value) {
        for (TokenScope scope : values()) {
            if (scope.value().equals(value)) {
                return Optional.of(scope);
            }
        }
        return Optional.empty();
    }

    /** The most a set of scopes allows. */
    public static Role widest(Collection<TokenScope> scopes) {
        Role widest = Role.VIEWER;
        for (TokenScope scope : scopes) {
            widest = scope.role.includes(widest) ? scope.role : widest;
        }
        return widest;
    }
}
