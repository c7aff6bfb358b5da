package dev.benchdeck.engine.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's redis-server on a 127.0.0.1 port, started and stopped by its PID by the test. {@link #start()} keeps
 * nothing on disk; {@link #startDurable()} fsyncs its append-only file on every write ({@code appendfsync always}),
 * so a Redis killed with SIGKILL comes back with every confirmed entry. {@link #kill()} and {@link #restart()} keep
 * the port, as a Redis that went away and came back.
 */
public final class RedisProcess implements AutoCloseable {

    public static final String BINARY = "/usr/bin/redis-server";

    private final int port;
    private final boolean durable;
    private final Path dir;
    private Process process;

    private RedisProcess(int port, boolean durable) throws IOException {
        this.port = port;
        this.durable = durable;
        this.dir = Files.createTempDirectory("benchdeck-redis");
    }

    public static boolean installed() {
        return Files.isExecutable(Path.of(BINARY));
    }

    public static RedisProcess start() throws IOException {
        return startOn(freePort());
    }

    public static RedisProcess startOn(int port) throws IOException {
        return launched(new RedisProcess(port, false));
    }

    public static RedisProcess startDurable() throws IOException {
        return launched(new RedisProcess(freePort(), true));
    }

    private static RedisProcess launched(RedisProcess redis) throws IOException {
        redis.launch();
        return redis;
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    public URI url() {
        return URI.create("redis://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    private void launch() throws IOException {
        List<String> command = new ArrayList<>(List.of(BINARY, "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--dir", dir.toString(), "--protected-mode", "yes"));
        command.addAll(durable ? List.of("--appendonly", "yes", "--appendfsync", "always") : List.of("--appendonly", "no"));
        process = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        String line;
        while ((line = out.readLine()) != null && System.nanoTime() < deadline) {
            if (line.contains("Ready to accept connections")) {
                Thread.ofPlatform().daemon().start(() -> {
                    try {
                        while (out.readLine() != null) {
                            // keep the pipe from filling
                        }
                    } catch (IOException ignored) {
                        // the process ended
                    }
                });
                return;
            }
        }
        process.destroyForcibly();
        throw new IOException("redis-server did not start on port " + port);
    }

    /** SIGKILL, as a crash. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
    }

    public void restart() throws IOException {
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
