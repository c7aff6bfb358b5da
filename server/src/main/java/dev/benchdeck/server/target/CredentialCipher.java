package dev.benchdeck.server.target;

import dev.benchdeck.server.system.BenchdeckProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Encrypts credentials with AES-256-GCM (random 12-byte nonce stored before the ciphertext). The key
 * is {@code BENCHDECK_SECRET_KEY} (base64 of 32 bytes) or, failing that, a key made on first start
 * and kept in {@code <data-dir>/secret.key} readable by its owner only.
 */
@Component
public class CredentialCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    @org.springframework.beans.factory.annotation.Autowired
    CredentialCipher(BenchdeckProperties properties, Environment env) {
        this(loadKey(env.getProperty("BENCHDECK_SECRET_KEY"), properties.dataDir().resolve("secret.key")));
    }

    CredentialCipher(SecretKey key) {
        this.key = key;
    }

    public byte[] encrypt(String plaintext) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt credentials", e);
        }
    }

    public String decrypt(byte[] stored) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 0, NONCE_BYTES));
            return new String(cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt credentials (was the secret key changed?)", e);
        }
    }

    static SecretKey loadKey(String fromEnvironment, Path keyFile) {
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            byte[] bytes = Base64.getDecoder().decode(fromEnvironment.trim());
            if (bytes.length != 32) {
                throw new IllegalStateException("BENCHDECK_SECRET_KEY must be the base64 of 32 bytes");
            }
            return new SecretKeySpec(bytes, "AES");
        }
        try {
            if (Files.exists(keyFile)) {
                return new SecretKeySpec(Base64.getDecoder().decode(Files.readString(keyFile).trim()), "AES");
            }
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256);
            SecretKey key = generator.generateKey();
            Files.createDirectories(keyFile.getParent());
            Files.writeString(keyFile, "", StandardOpenOption.CREATE_NEW);
            Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
            Files.writeString(keyFile, Base64.getEncoder().encodeToString(key.getEncoded()));
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the secret key " + keyFile, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
