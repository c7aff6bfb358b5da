package dev.benchdeck.gateway.cache;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 over provider, model, max_tokens, temperature and the query: equal requests, equal keys. */
public final class CacheKey {

    private CacheKey() {
    }

    public static String of(String provider, String model, Integer maxTokens, Double temperature, String query) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            // NUL separators: no field can run into the next one
            String head = provider + '\0' + model + '\0' + (maxTokens == null ? "" : maxTokens) + '\0'
                    + (temperature == null ? "" : temperature) + '\0';
            sha.update(head.getBytes(StandardCharsets.UTF_8));
            sha.update(query.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
