package dev.benchdeck.server.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The server under TLS from a PEM pair made in the test (keytool, self-signed for 127.0.0.1), as
 * {@code serve --tls-cert --tls-key --tls-redirect-port} sets it up: HTTPS answers with HSTS, and the
 * plain HTTP port redirects to HTTPS.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
        "benchdeck.embedded-db.port=0",
        "benchdeck.embedded-db.delete-on-stop=true",
        "benchdeck.mock-llm.port=-1",
        "benchdeck.demo-target.port=-1",
        "logging.level.dev.benchdeck=warn"})
class TlsIntegrationTest {

    private static final Path DIR = tempDir();
    private static final String STORE_PASSWORD = "test-only-store";
    private static final int HTTPS_PORT = freePort();
    private static final int HTTP_PORT = freePort();

    @DynamicPropertySource
    static void tls(DynamicPropertyRegistry registry) throws Exception {
        Path p12 = DIR.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12",
                "-keystore", p12.toString(), "-storepass", STORE_PASSWORD).inheritIO().start();
        assertThat(keytool.waitFor()).isZero();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(p12)) {
            store.load(in, STORE_PASSWORD.toCharArray());
        }
        Files.writeString(DIR.resolve("cert.pem"), pem("CERTIFICATE", store.getCertificate("server").getEncoded()));
        Files.writeString(DIR.resolve("key.pem"), pem("PRIVATE KEY", store.getKey("server", STORE_PASSWORD.toCharArray()).getEncoded()));
        TlsOptions options = TlsOptions.parse(new String[] {"--tls-cert", DIR.resolve("cert.pem").toString(),
                "--tls-key=" + DIR.resolve("key.pem"), "--tls-redirect-port", String.valueOf(HTTP_PORT)}, Map.<String, String>of()::get);
        options.properties().forEach((name, value) -> registry.add(name, () -> value));
        registry.add("server.port", () -> HTTPS_PORT);
        registry.add("benchdeck.data-dir", () -> DIR.resolve("data").toString());
    }

    @Test
    void httpsAnswersWithHstsAndHttpRedirectsToIt() throws Exception {
        HttpClient https = HttpClient.newBuilder().sslContext(trusting(DIR.resolve("server.p12"))).build();
        HttpResponse<String> secure = https.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + HTTPS_PORT + "/api/v1/auth/state")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(secure.statusCode()).isEqualTo(200);
        assertThat(secure.headers().firstValue("Strict-Transport-Security")).hasValue(SecurityHeaders.HSTS);
        assertThat(secure.headers().firstValue("Content-Security-Policy")).isPresent();

        HttpResponse<String> plain = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + HTTP_PORT + "/api/v1/auth/state?x=1")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(plain.statusCode()).isIn(301, 302, 307, 308);
        assertThat(plain.headers().firstValue("Location")).hasValue("https://127.0.0.1:" + HTTPS_PORT + "/api/v1/auth/state?x=1");
        assertThat(plain.headers().firstValue("Strict-Transport-Security")).as("never over plain HTTP").isEmpty();
    }

    @org.springframework.beans.factory.annotation.Autowired
    dev.benchdeck.server.user.UserService users;

    @org.springframework.beans.factory.annotation.Autowired
    dev.benchdeck.server.token.TokenService tokens;

    /** An agent in a JVM of its own reaches the server over HTTPS, trusting its certificate as docs/agents.md says. */
    @Test
    void anAgentRegistersAndBeatsOverTlsAndTheServerStartsNoLocalAgentOfItsOwn() throws Exception {
        var user = users.create("tls-agents", "a password of the tls agents' user 5c1d", dev.benchdeck.server.security.Role.EDITOR, false);
        String token = tokens.create(user.id(), "agent", java.util.List.of(dev.benchdeck.server.security.TokenScope.RUN), null).secret();
        Path trust = DIR.resolve("trust.p12");
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        KeyStore server = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(DIR.resolve("server.p12"))) {
            server.load(in, STORE_PASSWORD.toCharArray());
        }
        store.setCertificateEntry("benchdeck", server.getCertificate("server"));
        try (var out = Files.newOutputStream(trust)) {
            store.store(out, STORE_PASSWORD.toCharArray());
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-Djavax.net.ssl.trustStore=" + trust, "-Djavax.net.ssl.trustStorePassword=" + STORE_PASSWORD,
                "-cp", System.getProperty("java.class.path"), "dev.benchdeck.cli.BenchdeckCommand",
                "agent", "--server", "https://127.0.0.1:" + HTTPS_PORT, "--name", "over-tls")
                .redirectErrorStream(true).redirectOutput(DIR.resolve("agent.log").toFile());
        builder.environment().put("BENCHDECK_AGENT_TOKEN", token);
        Process agent = builder.start();
        HttpClient https = HttpClient.newBuilder().sslContext(trusting(DIR.resolve("server.p12"))).build();
        try {
            String agents = "";
            for (int i = 0; i < 300 && !agents.matches("(?s).*\"clock_offset_ms\":-?[0-9].*"); i++) {
                Thread.sleep(100);
                agents = https.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + HTTPS_PORT + "/api/v1/agents"))
                        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body();
            }
            // registered, its clock measured and its heartbeat in, all over HTTPS
            assertThat(agents).as(Files.readString(DIR.resolve("agent.log"))).contains("\"name\":\"over-tls\"").contains("\"online\":true")
                    .doesNotContain("local-1");
        } finally {
            agent.destroyForcibly();
            agent.waitFor();
        }
    }

    private static SSLContext trusting(Path p12) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(p12)) {
            store.load(in, STORE_PASSWORD.toCharArray());
        }
        Certificate cert = store.getCertificate("server");
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("server", cert);
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path tempDir() {
        try {
            Path dir = Files.createTempDirectory("benchdeck-tls-");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
