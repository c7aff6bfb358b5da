package dev.benchdeck.engine.testkit;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real single-node KRaft Kafka broker (broker and controller in one JVM) on free 127.0.0.1 ports, started from
 * Kafka's own jars and stopped by its PID. The jars come from the test JVM's class path: a module using this
 * depends on {@code org.apache.kafka:kafka_2.13} at test scope. Tuned to start fast (one partition, replication 1,
 * no initial rebalance delay, 1 MiB segments). {@link #kill()} and {@link #restart()} keep the ports and the log
 * directory, as a broker that crashed and came back. A JVM that ends without {@link #close()} kills the broker.
 */
public final class KafkaProcess implements AutoCloseable {

    private static final long START_TIMEOUT_MS = 60_000;

    private final int port;
    private final int controllerPort;
    private final Path dir;
    private final Path properties;
    private final Thread reaper;
    private volatile Process process;

    private KafkaProcess(int port, int controllerPort, Path dir) {
        this.port = port;
        this.controllerPort = controllerPort;
        this.dir = dir;
        this.properties = dir.resolve("server.properties");
        // a test JVM that ends without close() must leave no broker running; SIGKILL: no controlled shutdown needed
        this.reaper = new Thread(() -> {
            try {
                Process p = process;
                if (p != null && p.isAlive()) {
                    p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
                deleteDirectory();
            } catch (IOException | InterruptedException ignored) {
                // the JVM is ending: what is left stays in the temporary directory
            }
        });
        Runtime.getRuntime().addShutdownHook(reaper);
    }

    /** Formats a fresh log directory, starts the broker and waits until it answers requests. */
    public static KafkaProcess start() throws IOException, InterruptedException {
        KafkaProcess kafka = new KafkaProcess(RedisProcess.freePort(), RedisProcess.freePort(), Files.createTempDirectory("benchdeck-kafka"));
        try {
            kafka.writeProperties();
            kafka.format();
            kafka.launch();
            return kafka;
        } catch (IOException | InterruptedException | RuntimeException e) {
            kafka.close();
            throw e;
        }
    }

    /** {@code 127.0.0.1:port}, for {@code bootstrap.servers}. */
    public String bootstrap() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    private void writeProperties() throws IOException {
        String listeners = "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort;
        List<String> lines = List.of(
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=" + listeners,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + dir.resolve("logs"),
                "num.partitions=1",
                "auto.create.topics.enable=false",
                // a single broker: the internal topics cannot be replicated; one offsets partition loads fastest
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                // a broker restarted after kill() waits for its old session to expire before it may register again
                "broker.session.timeout.ms=2000",
                "broker.heartbeat.interval.ms=500",
                "log.segment.bytes=1048576",
                "num.network.threads=2",
                "num.io.threads=2",
                "background.threads=2",
                "num.recovery.threads.per.data.dir=1",
                "log.cleaner.threads=1");
        Files.write(properties, lines, StandardCharsets.UTF_8);
    }

    private void format() throws IOException, InterruptedException {
        byte[] id = new byte[16];
        new SecureRandom().nextBytes(id);
        // a leading '-' (base64url) would read as an option to the tool: the top bit clear makes it a letter
        id[0] &= 0x7F;
        String clusterId = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
        Path log = dir.resolve("format.log");
        Process f = new ProcessBuilder(java("kafka.tools.StorageTool", "format", "-t", clusterId, "-c", properties.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!f.waitFor(60, TimeUnit.SECONDS)) {
            f.destroyForcibly();
            throw new IOException("kafka-storage format did not finish: " + tail(log));
        }
        if (f.exitValue() != 0) {
            throw new IOException("kafka-storage format failed (" + f.exitValue() + "): " + tail(log));
        }
    }

    private List<String> java(String mainClass, String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // small and quick to start: tests need a working broker, not a fast one
                "-Xms64m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=info", "-Dorg.slf4j.simpleLogger.showDateTime=true", "-Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS",
                "-cp", System.getProperty("java.class.path"), mainClass));
        cmd.addAll(List.of(args));
        return cmd;
    }

    private void launch() throws IOException, InterruptedException {
        Path log = dir.resolve("broker.log");
        process = new ProcessBuilder(java("kafka.Kafka", properties.toString()))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("the Kafka broker exited (" + process.exitValue() + "): " + tail(log));
            }
            if (answersRequests()) {
                return;
            }
            Thread.sleep(100);
        }
        process.destroyForcibly();
        throw new IOException("the Kafka broker did not answer on " + bootstrap() + " within 60 s: " + tail(log));
    }

    /**
     * An ApiVersions request (v0) by hand: the broker answers only once it processes requests, which it enables at
     * the end of its start-up; a mere TCP accept would come earlier.
     */
    private boolean answersRequests() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            s.setSoTimeout(1_000);
            byte[] client = "probe".getBytes(StandardCharsets.US_ASCII);
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            out.writeInt(2 + 2 + 4 + 2 + client.length);
            out.writeShort(18); // ApiVersions
            out.writeShort(0);
            out.writeInt(7); // correlation id
            out.writeShort(client.length);
            out.write(client);
            out.flush();
            DataInputStream in = new DataInputStream(s.getInputStream());
            int size = in.readInt();
            return size > 4 && in.readInt() == 7;
        } catch (IOException e) {
            return false;
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** SIGKILL, as a crash. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** Starts the broker again on the same ports and log directory, after {@link #kill()}. */
    public void restart() throws IOException, InterruptedException {
        launch();
    }

    /** SIGTERM (a controlled shutdown), SIGKILL after 10 s; then the log directory is deleted. */
    @Override
    public void close() throws IOException, InterruptedException {
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException e) {
            // called while the JVM shuts down: the hook runs anyway
        }
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        }
        deleteDirectory();
    }

    private void deleteDirectory() throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
