package dev.benchdeck.server.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** Random tokens and their stored form: only a SHA-256 is kept of anything random enough not to need a slow hash. */
public final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    /** {@code prefix} + 32 random bytes in base64url without padding (43 characters). */
    public static String token(String prefix) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /**
     * A recovery code: 25 characters from an alphabet of 31 without look-alikes (about 124 bits), as five groups of
     * five. ASVS 6.5.2 lets a lookup secret of at least 112 bits be stored with a plain SHA-256.
     */
    public static String recoveryCode() {
        String alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
        StringBuilder code = new StringBuilder(29);
        for (int i = 0; i < 25; i++) {
            code.append(i > 0 && i % 5 == 0 ? "-" : "").append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return code.toString();
    }
}
