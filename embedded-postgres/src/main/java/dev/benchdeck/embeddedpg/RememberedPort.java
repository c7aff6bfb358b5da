package dev.benchdeck.embeddedpg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The port of an embedded PostgreSQL, kept in {@code pgdata.port} beside its data: the configured port
 * when it is free, else a free one, which later starts reuse (so that connection settings stay valid)
 * for as long as the configured port stays the same.
 */
final class RememberedPort {

    static final String FILE = "pgdata.port";

    private RememberedPort() {
    }

    /** The port to start on, written to the file; {@code configured} 0 means any free port. */
    static Choice choose(Path home, int configured) throws IOException {
        Path file = home.resolve(FILE);
        Integer remembered = remembered(file, configured);
        int preferred = remembered != null ? remembered : configured;
        int port = preferred != 0 && isFree(preferred) ? preferred : freePort();
        Properties properties = new Properties();
        properties.setProperty("configured", String.valueOf(configured));
        properties.setProperty("port", String.valueOf(port));
        try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            properties.store(out, "the embedded PostgreSQL's port (benchdeck.embedded-db.port is 'configured')");
        }
        return new Choice(port, preferred != 0 && port != preferred ? preferred : null, file);
    }

    /** The port last used with this configured port, or null. */
    private static Integer remembered(Path file, int configured) throws IOException {
        if (!Files.exists(file)) {
            return null;
        }
        Properties properties = new Properties();
        try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        try {
            int wasConfigured = Integer.parseInt(properties.getProperty("configured", "-1").trim());
            int port = Integer.parseInt(properties.getProperty("port", "-1").trim());
            return wasConfigured == configured && port > 0 && port < 65536 ? port : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Whether nothing listens on the port; closed connections lingering in TIME_WAIT do not count (PostgreSQL reuses the address too). */
    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @param taken the preferred port when it was taken (so another was chosen), else null */
    record Choice(int port, Integer taken, Path file) {
    }
}
