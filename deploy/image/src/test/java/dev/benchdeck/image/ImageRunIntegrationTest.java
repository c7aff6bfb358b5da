package dev.benchdeck.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.benchdeck.embeddedpg.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the image's own files the way a container runtime would, without one: its layers extracted into a root, a
 * mount, PID and host-name namespace with /dev and /proc, a read-only root with tmpfs where the server writes, chroot
 * into it as the image's user, its entrypoint and environment, and the host's network (so the test reaches the port).
 * The server must get ready on an external PostgreSQL by URL, answer its health probes unauthenticated, serve the
 * dashboard, and take the users and tokens commands; the CLI must start on the same runtime. Needs root (chroot,
 * mounts), as CI has.
 */
class ImageRunIntegrationTest {

    private static final Duration READY_WITHIN = Duration.ofSeconds(120);
    /** The container's host name (its own UTS namespace); db-scheduler names each replica by it. */
    private static final String HOSTNAME = "benchdeck-image-test";
    private static final String SECRET_KEY = Base64.getEncoder().encodeToString(new byte[32]);

    @TempDir
    static Path work;
    static Path root;
    static String user;
    static Map<String, String> imageEnv;
    static EmbeddedPostgres postgres;

    @BeforeAll
    static void extractTheImage() throws IOException {
        assumeTrue("root".equals(System.getProperty("user.name")) && Files.isExecutable(Path.of("/usr/bin/unshare")),
                "runs the image in a chroot, which needs root and util-linux's unshare");
        ImageTarballTest.readTheTarball();
        user = ImageTarballTest.image.config().at("/config/User").asText();
        imageEnv = ImageTarballTest.env();
        root = work.resolve("rootfs");
        ImageTarball.extract(ImageTarballTest.TARBALL, root);
        // what a container runtime provides: mount points for /dev and /proc, and an /etc/hosts with the container's name
        Files.createDirectories(root.resolve("dev"));
        Files.createDirectories(root.resolve("proc"));
        Files.writeString(root.resolve("etc/hosts"), "127.0.0.1 localhost\n127.0.0.1 " + HOSTNAME + "\n");
        postgres = EmbeddedPostgres.start(work.resolve("postgres"), 0, true);
    }

    @AfterAll
    static void stopPostgres() {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void theServerGetsReadyOnAnExternalPostgresAndServesTheDashboard() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path log = Path.of("target/image-run-server.log");
        Process process = server(List.of("--server.port=" + port)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            String base = "http://127.0.0.1:" + port;
            HttpResponse<String> ready = waitForReadiness(http, base + "/actuator/health/readiness", process, log);
            assertThat(ready.body()).contains("\"UP\"");
            assertThat(get(http, base + "/actuator/health/liveness").statusCode()).isEqualTo(200);
            HttpResponse<String> dashboard = get(http, base + "/");
            assertThat(dashboard.statusCode()).isEqualTo(200);
            assertThat(dashboard.body()).contains("<title>Benchdeck</title>", "<div id=\"root\">");
            assertThat(javaProcessUid(process)).as("the server's uid").isEqualTo(user.split(":")[0]);
            assertThat(Files.readString(log)).doesNotContain("embedded PostgreSQL", "Failed to resolve hostname");

            // docs/deploy.md's first admin and agent token: the image's entrypoint with users / tokens, beside the server
            assertThat(headless("correct horse battery staple\n", "users", "add", "alice", "--role", "admin")).startsWith("created admin alice");
            String token = headless("", "tokens", "create", "--user", "alice", "--scopes", "read,run", "--expires", "1d").strip();
            HttpResponse<String> account = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/account"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(account.statusCode()).as(account.body()).isEqualTo(200);
            assertThat(account.body()).contains("alice");

            // the server's own load agent (docs/agents.md) starts on the image's runtime, as the image's user
            String agents = "";
            for (int i = 0; i < 600 && !agents.contains("\"online\":true"); i++) {
                Thread.sleep(100);
                agents = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/agents")).header("Authorization", "Bearer " + token).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
            }
            assertThat(agents).as(Files.readString(log)).contains("\"name\":\"local-1\"").contains("\"online\":true");
        } finally {
            stop(process);
        }
    }

    @Test
    void theCliStartsOnTheSameRuntime() throws Exception {
        Process cli = container(List.of("/opt/java/bin/java", "-jar", "/" + ImageTarballTest.CLI_JAR, "--version"))
                .redirectErrorStream(true).start();
        String out = new String(cli.getInputStream().readAllBytes());
        assertThat(cli.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(cli.exitValue()).as(out).isZero();
        assertThat(out).startsWith("benchdeck ");
    }

    /** The command in the image's root: new mount and PID namespaces, the mounts a runtime makes, chroot as the image's user. */
    private static ProcessBuilder container(List<String> command) {
        // a read-only root with tmpfs on /tmp and the data directory, as deploy/compose.yaml and deploy/kubernetes run it
        String mounts = "hostname " + HOSTNAME + " && mount --bind \"$0\" \"$0\" && mount -o remount,bind,ro \"$0\" && mount --rbind /dev \"$0/dev\""
                + " && mount -t proc proc \"$0/proc\" && mount -t tmpfs tmpfs \"$0/tmp\" && mount -t tmpfs tmpfs \"$0" + imageEnv.get("BENCHDECK_DATA_DIR") + "\"";
        List<String> args = new ArrayList<>(List.of("unshare", "--mount", "--pid", "--uts", "--fork", "--kill-child=SIGTERM", "sh", "-c",
                mounts + " && user=\"$1\" && shift && exec chroot --userspec=\"$user\" \"$0\" \"$@\"", root.toString(), user));
        args.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(args);
        builder.environment().clear();
        builder.environment().put("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
        builder.environment().putAll(imageEnv);
        return builder;
    }

    /** The image's entrypoint with these arguments and the server's settings: the external database, the key, no demos. */
    private static ProcessBuilder server(List<String> arguments) {
        List<String> command = new ArrayList<>();
        ImageTarballTest.image.config().at("/config/Entrypoint").forEach(arg -> command.add(arg.asText()));
        command.addAll(arguments);
        ProcessBuilder server = container(command);
        Map<String, String> env = server.environment();
        env.put("BENCHDECK_DATABASE_URL", postgres.jdbcUrl());
        env.put("BENCHDECK_DATABASE_USER", postgres.user());
        env.put("BENCHDECK_DATABASE_PASSWORD", postgres.password());
        env.put("BENCHDECK_SECRET_KEY", SECRET_KEY);
        // as deploy/kubernetes: no demo services (here they would take fixed ports on the host's network)
        env.put("BENCHDECK_DEMO", "false");
        for (String demo : List.of("MOCK_LLM", "DEMO_TARGET", "DEMO_GATEWAY", "DEMO_INGESTOR")) {
            env.put("BENCHDECK_" + demo + "_PORT", "-1");
        }
        return server;
    }

    /** {@code users …} or {@code tokens …} through the image's entrypoint; its standard output, which must succeed. */
    private static String headless(String input, String... arguments) throws Exception {
        Process process = server(List.of(arguments)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (var stdin = process.getOutputStream()) {
            stdin.write(input.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        String out = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", arguments) + ": " + out).isZero();
        return out;
    }

    /** SIGTERM, as a container runtime stops a container: unshare passes it on, then the server shuts down gracefully. */
    private static void stop(Process process) throws InterruptedException {
        List<ProcessHandle> inside = process.descendants().toList();
        process.destroy();
        for (ProcessHandle child : inside) {
            try {
                child.onExit().get(30, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                child.destroyForcibly();
            }
        }
        process.waitFor(5, TimeUnit.SECONDS);
    }

    private static HttpResponse<String> waitForReadiness(HttpClient http, String url, Process process, Path log) throws Exception {
        Instant deadline = Instant.now().plus(READY_WITHIN);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("the server in the image exited with " + process.exitValue() + ":\n" + Files.readString(log));
            }
            try {
                HttpResponse<String> response = get(http, url);
                if (response.statusCode() == 200) {
                    return response;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the server in the image was not ready within " + READY_WITHIN + ":\n" + Files.readString(log));
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The uid the image's java process runs as, from /proc (it is the namespace's first process's descendant). */
    private static String javaProcessUid(Process process) throws IOException {
        ProcessHandle java = process.descendants().filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false))
                .findFirst().orElseThrow(() -> new AssertionError("no java process under " + process.pid()));
        return Files.readAllLines(Path.of("/proc/" + java.pid() + "/status")).stream().filter(line -> line.startsWith("Uid:"))
                .findFirst().orElseThrow().split("\\s+")[1];
    }
}
