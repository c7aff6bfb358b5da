package dev.benchdeck.driver.http;

import static dev.benchdeck.driver.http.HttpPlans.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.benchdeck.engine.driver.Driver;
import dev.benchdeck.engine.driver.DriverException;
import dev.benchdeck.engine.driver.ErrorClasses;
import dev.benchdeck.engine.driver.Outcome;
import dev.benchdeck.engine.driver.Session;
import java.nio.file.Path;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(5)
class HttpsTest {

    private static ScriptedServer server;

    @BeforeAll
    static void startTlsServer(@TempDir Path dir) throws Exception {
        SSLContext context = SelfSignedCertificate.serverContext(dir);
        server = ScriptedServer.startTls(context);
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @Test
    void talksToASelfSignedServerWhenInsecureAndKeepsTheConnection() throws Exception {
        try (Driver driver = HttpPlans.parse("{url: '" + server.url() + "', insecure: true}", "path: /ok").open()) {
            Session session = driver.newSession();

            Outcome first = session.execute(request(0));
            Outcome second = session.execute(request(1));

            assertThat(first).isInstanceOf(Outcome.Success.class);
            assertThat(first.timings().opened()).isTrue();
            assertThat(second).isInstanceOf(Outcome.Success.class);
            assertThat(second.timings().opened()).isFalse();
        }
    }

    @Test
    void refusesAnUntrustedCertificateWithAHint() {
        assertThatThrownBy(() -> HttpPlans.parse("url: " + server.url(), "path: /ok").open())
                .isInstanceOfSatisfying(DriverException.class, e -> {
                    assertThat(e.errorClass()).isEqualTo(ErrorClasses.PROTOCOL);
                    assertThat(e.getMessage()).isEqualTo("cannot connect to " + server.url()
                            + ": TLS certificate not trusted (for a self-signed test server set target.insecure: true)");
                });
    }

    @Test
    void reportsAFailedHandshakeWithAPlainServerAsAProtocolError() throws Exception {
        try (ScriptedServer plain = ScriptedServer.start()) {
            String url = "https://127.0.0.1:" + plain.port() + "/";

            assertThatThrownBy(() -> HttpPlans.parse("{url: '" + url + "', insecure: true}", "path: /ok").open())
                    .isInstanceOfSatisfying(DriverException.class, e -> {
                        assertThat(e.errorClass()).isEqualTo(ErrorClasses.PROTOCOL);
                        assertThat(e.getMessage()).startsWith("cannot connect to " + url + ": TLS handshake failed");
                    });
        }
    }

    @Test
    void http2ModeFallsBackToHttp11OverTls() throws Exception {
        try (Driver driver = HttpPlans.parse("{url: '" + server.url() + "', insecure: true, http_version: '2'}", "path: /ok").open()) {
            assertThat(driver.newSession().execute(request(0))).isInstanceOf(Outcome.Success.class);
        }
    }
}
