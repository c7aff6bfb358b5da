package dev.benchdeck.gateway.admin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * Where the admin token comes from: an environment variable when set, else a file written on the first
 * start (owner-only) and read on later ones. A generated token is returned with {@code generated} set so
 * the caller prints it once; it is never logged otherwise.
 */
public final class AdminToken {

    /** The environment variable read unless another is named. */
    public static final String DEFAULT_ENV = "BENCHDECK_GATEWAY_ADMIN_TOKEN";

    /** The token and whether it was made just now (print it then, and only then). */
    public record Resolved(String token, boolean generated, String source) {
    }

    private AdminToken() {
    }

    /** From {@code envName} in {@code env}, else {@code file} (created with a new token if missing). */
    public static Resolved resolve(String envName, Map<String, String> env, Path file) throws IOException {
        String fromEnv = env.get(envName);
        if (fromEnv != null && !fromEnv.isBlank()) {
            if (fromEnv.strip().length() < 16) {
                throw new IllegalArgumentException("the admin token in " + envName + " must have at least 16 characters");
            }
            return new Resolved(fromEnv.strip(), false, "environment variable " + envName);
        }
        if (Files.exists(file)) {
            String stored = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (stored.length() >= 16) {
                return new Resolved(stored, false, file.toString());
            }
        }
        String token = generate();
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, token + "\n", StandardCharsets.UTF_8);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the directory's own protection applies
        }
        return new Resolved(token, true, file.toString());
    }

    /** 32 random bytes, URL-safe base64. */
    public static String generate() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Constant-time check of an {@code Authorization} header against the token. */
    public static boolean matches(String authorization, String token) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        byte[] given = authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(given, token.getBytes(StandardCharsets.UTF_8));
    }
}
