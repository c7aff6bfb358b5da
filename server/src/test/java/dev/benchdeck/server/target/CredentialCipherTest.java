package dev.benchdeck.server.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialCipherTest {

    @TempDir
    Path dir;

    @Test
    void encryptsAndDecryptsWithAKeyMadeOnceAndKeptPrivate() throws Exception {
        Path keyFile = dir.resolve("secret.key");
        CredentialCipher cipher = new CredentialCipher(CredentialCipher.loadKey(null, keyFile));
        byte[] sealed = cipher.encrypt("{\"Authorization\": \"Bearer abc\"}");
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("Bearer");
        assertThat(Files.getPosixFilePermissions(keyFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));

        CredentialCipher reloaded = new CredentialCipher(CredentialCipher.loadKey(null, keyFile));
        assertThat(reloaded.decrypt(sealed)).isEqualTo("{\"Authorization\": \"Bearer abc\"}");
        assertThat(cipher.encrypt("same")).as("a fresh nonce each time").isNotEqualTo(cipher.encrypt("same"));
    }

    @Test
    void tamperingOrAnotherKeyIsDetected() {
        CredentialCipher cipher = new CredentialCipher(CredentialCipher.loadKey(null, dir.resolve("a.key")));
        byte[] sealed = cipher.encrypt("secret");
        sealed[sealed.length - 1] ^= 1;
        assertThatThrownBy(() -> cipher.decrypt(sealed)).isInstanceOf(IllegalStateException.class);

        String envKey = Base64.getEncoder().encodeToString(new byte[32]);
        CredentialCipher other = new CredentialCipher(CredentialCipher.loadKey(envKey, dir.resolve("unused.key")));
        assertThatThrownBy(() -> other.decrypt(cipher.encrypt("secret"))).isInstanceOf(IllegalStateException.class);
        assertThat(Files.exists(dir.resolve("unused.key"))).isFalse();
    }
}
