package dev.benchdeck.server.security;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/** What a user may do, each role including the ones before it: viewer reads, editor changes their own things, admin everything. */
public enum Role {
    VIEWER, EDITOR, ADMIN;

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean includes(Role other) {
        return compareTo(other) >= 0;
    }

    public Role atMost(Role cap) {
        return includes(cap) ? cap : this;
    }

    public static Optional<Role> parse(String value) {
        for (Role role : values()) {
            if (role.value().equals(value)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
