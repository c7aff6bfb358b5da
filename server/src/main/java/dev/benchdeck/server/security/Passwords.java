package dev.benchdeck.server.security;

import java.util.Map;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** How passwords are hashed: Argon2id (Spring Security 5.8's parameters: 16 MiB, 2 iterations) through the delegating encoder. */
public final class Passwords {

    static final String ENCODING = "argon2@SpringSecurity_v5_8";

    private Passwords() {
    }

    public static PasswordEncoder encoder() {
        // bcrypt is only read, should a hash ever come from elsewhere
        return new DelegatingPasswordEncoder(ENCODING, Map.of(
                ENCODING, Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
                "bcrypt", new BCryptPasswordEncoder()));
    }
}
