package dev.benchdeck.server.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsOptionsTest {

    @TempDir
    Path dir;

    @Test
    void aKeystoreWithItsPasswordFromTheEnvironmentBecomesAnSslBundle() throws Exception {
        Path p12 = Files.writeString(dir.resolve("server.p12"), "x");
        TlsOptions options = TlsOptions.parse(new String[] {"--server.port=8443", "--tls-keystore", p12.toString(),
                "--tls-keystore-password-env", "MY_P12_PASSWORD", "--tls-redirect-port=8080"}, Map.of("MY_P12_PASSWORD", "pw")::get);
        assertThat(options.remainingArgs()).containsExactly("--server.port=8443");
        assertThat(options.properties()).containsEntry("server.ssl.bundle", "benchdeck")
                .containsEntry("spring.ssl.bundle.jks.benchdeck.keystore.location", "file:" + p12.toAbsolutePath())
                .containsEntry("spring.ssl.bundle.jks.benchdeck.keystore.type", "PKCS12")
                .containsEntry("spring.ssl.bundle.jks.benchdeck.keystore.password", "pw")
                .containsEntry("benchdeck.tls.redirect-port", 8080);
    }

    @Test
    void optionsThatCannotWorkAreRefusedInOneLine() throws Exception {
        Path cert = Files.writeString(dir.resolve("cert.pem"), "x");
        Map<String, String> none = Map.of();
        assertThatThrownBy(() -> TlsOptions.parse(new String[] {"--tls-cert", cert.toString()}, none::get))
                .hasMessageContaining("--tls-cert and --tls-key go together");
        assertThatThrownBy(() -> TlsOptions.parse(new String[] {"--tls-keystore", cert.toString(), "--tls-keystore-password-env", "UNSET_VAR"}, none::get))
                .hasMessageContaining("UNSET_VAR is not set");
        assertThatThrownBy(() -> TlsOptions.parse(new String[] {"--tls-redirect-port", "8080"}, none::get)).hasMessageContaining("needs TLS");
        assertThatThrownBy(() -> TlsOptions.parse(new String[] {"--tls-cert", "/nonexistent/c.pem", "--tls-key", "/nonexistent/k.pem"}, none::get))
                .hasMessageContaining("cannot read");
        assertThatThrownBy(() -> TlsOptions.parse(new String[] {"--tls-key"}, none::get)).hasMessageContaining("needs a value");
        assertThat(TlsOptions.parse(new String[] {"--server.port=1"}, none::get).properties()).isEmpty();
    }
}
