package dev.benchdeck.server.target;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchdeck.server.IntegrationTestSupport;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A fake PostgreSQL server that asks every client for its password in clear text
 * (AuthenticationCleartextPassword: 'R', code 3) and keeps whatever comes back. Without TLS the
 * password must never be sent, unless the target says {@code allow_cleartext_password: true}.
 */
class PostgresCleartextIntegrationTest extends IntegrationTestSupport {

    private static final String PASSWORD = "cl34rtext-pa55word";

    @Test
    void aServerAskingForTheCleartextPasswordWithoutTlsNeverGetsIt() throws Exception {
        try (CleartextAskingServer fake = new CleartextAskingServer()) {
            long id = createTarget(target("cleartext refused", fake.port(), false));
            Response test = post("/api/v1/targets/" + id + "/test", null);
            assertThat(test.status()).isEqualTo(200);
            JsonNode report = test.json();
            assertThat(report.get("ok").asBoolean()).isFalse();
            assertThat(report.get("error_class").asText()).isEqualTo("auth");
            assertThat(report.get("message").asText()).contains("clear text").contains("allow_cleartext_password");
            fake.awaitClient();
            assertThat(fake.askedForPassword()).as("the fake asked").isTrue();
            assertThat(fake.received()).doesNotContain(PASSWORD);
            assertThat(test.body()).doesNotContain(PASSWORD);
        }
    }

    @Test
    void aTargetThatAllowsCleartextAnswersTheSameServer() throws Exception {
        try (CleartextAskingServer fake = new CleartextAskingServer()) {
            long id = createTarget(target("cleartext allowed", fake.port(), true));
            post("/api/v1/targets/" + id + "/test", null);
            fake.awaitClient();
            assertThat(fake.received()).as("the fake would see it: the first test can fail").contains(PASSWORD);
        }
    }

    private static Map<String, Object> target(String name, int port, boolean allowCleartext) {
        Map<String, Object> options = new HashMap<>(Map.of("host", "127.0.0.1", "port", port, "database", "postgres",
                "user", "bench", "sslmode", "prefer", "connect_timeout", "5s"));
        if (allowCleartext) {
            options.put("allow_cleartext_password", true);
        }
        return Map.of("name", name, "kind", "postgres", "options", options, "credentials", Map.of("password", PASSWORD));
    }

    /** One client at a time: refuses TLS ('N'), reads the startup message, asks for a cleartext password, records the rest. */
    static final class CleartextAskingServer implements AutoCloseable {

        private final ServerSocket socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        private final ByteArrayOutputStream received = new ByteArrayOutputStream();
        private final Thread thread = Thread.ofVirtual().start(this::serve);
        private volatile boolean askedForPassword;

        CleartextAskingServer() throws IOException {
        }

        int port() {
            return socket.getLocalPort();
        }

        private void serve() {
            try {
                while (!socket.isClosed()) {
                    try (Socket client = socket.accept()) {
                        client.setSoTimeout(3_000);
                        handle(new DataInputStream(client.getInputStream()), new DataOutputStream(client.getOutputStream()));
                    } catch (SocketTimeoutException e) {
                        // the client went quiet: what it sent is recorded
                    }
                }
            } catch (IOException e) {
                // closed
            }
        }

        private void handle(DataInputStream in, DataOutputStream out) throws IOException {
            int length = in.readInt();
            int code = in.readInt();
            if (length == 8 && code == 80877103) { // SSLRequest: no TLS here
                out.writeByte('N');
                out.flush();
                length = in.readInt();
                code = in.readInt();
            }
            in.readNBytes(length - 8); // the startup message's parameters
            out.writeByte('R');
            out.writeInt(8);
            out.writeInt(3); // AuthenticationCleartextPassword
            out.flush();
            askedForPassword = true;
            byte[] buffer = new byte[4096];
            int n;
            while ((n = in.read(buffer)) > 0) {
                synchronized (received) {
                    received.write(buffer, 0, n);
                }
                // a password message arrived: refuse the login so that the client stops
                byte[] error = "SFATAL\0C28P01\0Mpassword authentication failed\0\0".getBytes(StandardCharsets.US_ASCII);
                out.writeByte('E');
                out.writeInt(error.length + 4);
                out.write(error);
                out.flush();
            }
        }

        /** Waits until the client has been served (it closed or went quiet). */
        void awaitClient() throws InterruptedException {
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!askedForPassword && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            Thread.sleep(200);
        }

        boolean askedForPassword() {
            return askedForPassword;
        }

        String received() {
            synchronized (received) {
                return received.toString(StandardCharsets.ISO_8859_1);
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
            thread.interrupt();
        }
    }
}
