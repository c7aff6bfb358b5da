package dev.benchdeck.server.agent;

import dev.benchdeck.engine.shard.AgentsSpec;
import dev.benchdeck.server.security.LocalAgentKey;
import dev.benchdeck.server.system.BenchdeckProperties;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The load agents this server starts and supervises itself ({@code benchdeck.agents.local}, on by default): one
 * process per run that may execute at once, the same agent as {@code benchdeck agent}, so that a run without
 * {@code agents} is measured in a JVM of its own — the server's API, live subscribers and database work do not share
 * its heap, its GC pauses or its JIT, and a run that exhausts its memory takes only its agent down (the run fails, the
 * agent is started again). They reach the server at 127.0.0.1 with a secret made at each start ({@link LocalAgentKey})
 * and carry a label no other agent knows, so only this server's local runs claim them.
 */
@Component
public class LocalAgents implements SmartLifecycle {

    /** The label's name; its value is this start's nonce. */
    static final String LABEL = "benchdeck-local";
    /** The environment variable naming the process whose end ends the agent ({@code benchdeck agent} reads it). */
    static final String AGENT_PARENT_ENV = "BENCHDECK_AGENT_PARENT_PID";
    private static final Logger log = LoggerFactory.getLogger(LocalAgents.class);
    private static final Duration CHECK = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final boolean enabled;
    private final LocalAgentKey key;
    private final AgentRepository repository;
    private final int count;
    private final Path logs;
    private final boolean tls;
    private final String nonce = HexFormat.of().formatHex(randomBytes());
    private final List<Supervised> agents = new ArrayList<>();
    private volatile @Nullable Thread supervisor;
    private volatile boolean running;
    /** Set once the server stops: no agent is started again after that. */
    private volatile boolean stopped;

    LocalAgents(@Value("${benchdeck.agents.local:true}") boolean enabled, LocalAgentKey key, AgentRepository repository,
                BenchdeckProperties properties, Environment environment) {
        this.enabled = enabled;
        this.key = key;
        this.repository = repository;
        this.count = Math.max(1, properties.runs().maxConcurrent());
        this.logs = properties.dataDir().resolve("logs");
        this.tls = environment.getProperty("server.ssl.bundle") != null || environment.getProperty("server.ssl.enabled", Boolean.class, false);
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[8];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }

    /** What a plan without {@code agents} runs on here: one local agent; losing it fails the run. */
    public Optional<AgentsSpec> spec() {
        return enabled && !tls ? Optional.of(new AgentsSpec(1, Map.of(LABEL, nonce), AgentsSpec.OnAgentLoss.FAIL)) : Optional.empty();
    }

    /** The process ids of the local agents alive now. */
    List<Long> pids() {
        return agents.stream().map(a -> a.process).filter(p -> p != null && p.isAlive()).map(Process::pid).toList();
    }

    /** Whether the agent is one of some server's local agents, which only that server's local runs may claim. */
    static boolean isLocal(AgentView agent) {
        return agent.labels().containsKey(LABEL);
    }

    @EventListener
    void serverStarted(WebServerInitializedEvent event) {
        if (!enabled) {
            return;
        }
        if (tls) {
            log.info("Runs execute inside the server: local agents are off while the server speaks TLS (start `benchdeck agent` "
                    + "processes and give plans `agents: 1`, or run the server without TLS behind a proxy that has it)");
            return;
        }
        if (event.getApplicationContext().getParent() == null && agents.isEmpty()) {
            repository.forgetStaleLocal();
            String server = "http://127.0.0.1:" + event.getWebServer().getPort();
            for (int i = 1; i <= count; i++) {
                agents.add(new Supervised("local-" + i, server));
            }
            agents.forEach(Supervised::start);
            supervisor = Thread.ofPlatform().daemon().name("benchdeck-local-agents").start(this::supervise);
            log.info("Runs execute in {} local agent process(es), logs in {}", count, logs);
        }
    }

    private void supervise() {
        while (!stopped) {
            try {
                Thread.sleep(CHECK.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            for (Supervised agent : agents) {
                try {
                    agent.restartIfDead();
                } catch (RuntimeException e) {
                    // the database away, say: the next check tries again
                    log.debug("Local agent {}: supervision failed this time ({})", agent.name, e.toString());
                }
            }
        }
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        stopped = true;
        Thread thread = supervisor;
        if (thread != null) {
            thread.interrupt();
        }
        agents.forEach(Supervised::stop);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the runs (phase below the run scheduler's, which stops first and ends them). */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1;
    }

    /** One agent process: started, watched, started again (after a growing pause) when it dies. */
    private final class Supervised {
        final String name;
        final String server;
        @Nullable Process process;
        long restartAtNanos;
        Duration backoff = CHECK;

        Supervised(String name, String server) {
            this.name = name;
            this.server = server;
        }

        synchronized void start() {
            try {
                Files.createDirectories(logs);
                ProcessBuilder builder = new ProcessBuilder(command(name, server))
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve(name + ".log").toFile()));
                Map<String, String> env = builder.environment();
                // the server's own credentials stay with the server (plans may still read other variables)
                env.keySet().removeIf(name -> name.startsWith("BENCHDECK_DATABASE_") || name.equals("BENCHDECK_SECRET_KEY"));
                env.put("BENCHDECK_AGENT_TOKEN", key.secret());
                // it exits when the server is gone (killed, say), not to go on beating at nobody
                env.put(AGENT_PARENT_ENV, String.valueOf(ProcessHandle.current().pid()));
                process = builder.start();
                log.debug("Local agent {} started (pid {})", name, process.pid());
            } catch (IOException e) {
                log.warn("Local agent {} could not start: {}", name, e.toString());
                process = null;
            }
        }

        synchronized void restartIfDead() {
            Process p = process;
            if (p != null && p.isAlive() || stopped) {
                if (p != null && p.isAlive()) {
                    backoff = CHECK;
                }
                return;
            }
            if (restartAtNanos == 0) {
                // offline at once: a run must not claim the dead process in the seconds before its silence shows
                repository.markOffline(LABEL, nonce, name);
                log.warn("Local agent {} {}; starting it again in {} s (its log: {})", name,
                        p == null ? "is not running" : "exited with status " + p.exitValue(), backoff.toSeconds(), logs.resolve(name + ".log"));
                restartAtNanos = System.nanoTime() + backoff.toNanos();
                return;
            }
            if (System.nanoTime() >= restartAtNanos) {
                restartAtNanos = 0;
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
                start();
            }
        }

        synchronized void stop() {
            Process p = process;
            if (p == null) {
                return;
            }
            p.destroy();
            try {
                if (!p.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Whether the class path is one Spring Boot jar (its classes nested inside, so {@code -cp} cannot reach them). */
    private static boolean isBootJar(String classPath) {
        if (!classPath.endsWith(".jar") || classPath.contains(File.pathSeparator)) {
            return false;
        }
        try (JarFile jar = new JarFile(classPath)) {
            Manifest manifest = jar.getManifest();
            return manifest != null && manifest.getMainAttributes().getValue("Start-Class") != null;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The agent's command line: this JVM's java and class path, the server's own entry point in agent mode
     * ({@code java -jar benchdeck-server.jar agent …} when the server runs from its jar).
     */
    List<String> command(String name, String server) {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String classPath = System.getProperty("java.class.path");
        List<String> command = new ArrayList<>(List.of(java, "-XX:+ExitOnOutOfMemoryError"));
        if (isBootJar(classPath)) {
            command.addAll(List.of("-jar", classPath));
        } else {
            command.addAll(List.of("-cp", classPath, "dev.benchdeck.server.BenchdeckServer"));
        }
        command.addAll(List.of("agent", "--server", server, "--name", name, "--label", LABEL + "=" + nonce));
        return command;
    }
}
