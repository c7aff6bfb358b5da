package dev.benchdeck.gateway;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Debian's redis-server on a free 127.0.0.1 port, no persistence, started and stopped by its PID by the
 * test. {@link #kill()} and {@link #restart()} keep the port, as a Redis that went away and came back.
 */
final class RedisProcess implements AutoCloseable {

    static final String BINARY = "/usr/bin/redis-server";

    private final int port;
    private final Path dir;
    private Process process;

    private RedisProcess(int port) throws IOException {
        this.port = port;
        this.dir = Files.createTempDirectory("gateway-redis");
    }

    static boolean installed() {
        return Files.isExecutable(Path.of(BINARY));
    }

    static RedisProcess start() throws IOException, InterruptedException {
        return startOn(freePort());
    }

    static RedisProcess startOn(int port) throws IOException, InterruptedException {
        RedisProcess redis = new RedisProcess(port);
        redis.launch();
        return redis;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    URI url() {
        return URI.create("redis://127.0.0.1:" + port);
    }

    long pid() {
        return process.pid();
    }

    private void launch() throws IOException, InterruptedException {
        process = new ProcessBuilder(BINARY, "--port", Integer.toString(port), "--bind", "127.0.0.1", "--save", "",
                "--appendonly", "no", "--dir", dir.toString(), "--protected-mode", "yes")
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        String line;
        while ((line = out.readLine()) != null) {
            if (line.contains("Ready to accept connections")) {
                Thread drain = new Thread(() -> {
                    try {
                        while (out.readLine() != null) {
                            // keep the pipe from filling
                        }
                    } catch (IOException ignored) {
                        // the process ended
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return;
            }
            if (System.nanoTime() > deadline) {
                break;
            }
        }
        process.destroyForcibly();
        throw new IOException("redis-server did not start on port " + port);
    }

    /** SIGKILL, as a crash. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
    }

    void restart() throws IOException, InterruptedException {
        launch();
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
