package dev.benchdeck.server.system;

import dev.benchdeck.embeddedpg.EmbeddedPostgres;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Starts the embedded PostgreSQL on a thread of its own as soon as the configuration is known (the environment is
 * prepared, before the context is built), so that it comes up while Spring creates the server's beans rather than
 * after them; the {@code embeddedPostgres} bean then takes it instead of starting one. Registered by
 * {@code BenchdeckServer.main} only: tests' contexts start their database as a bean, as before.
 */
public final class EarlyEmbeddedPostgres implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    /** An early start and the settings it was made with. */
    private record Early(Path dataDir, int port, boolean deleteOnStop, CompletableFuture<EmbeddedPostgres> started) {

        boolean matches(Path dataDir, int port, boolean deleteOnStop) {
            return this.dataDir.equals(dataDir) && this.port == port && this.deleteOnStop == deleteOnStop;
        }
    }

    private static Early early;

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment env = event.getEnvironment();
        if (env.containsProperty("spring.datasource.url") || env.containsProperty("BENCHDECK_DATABASE_URL")) {
            return; // an external database: nothing to start
        }
        BenchdeckProperties properties = Binder.get(env).bind("benchdeck", BenchdeckProperties.class).orElse(null);
        if (properties == null || properties.dataDir() == null) {
            return;
        }
        BenchdeckProperties.EmbeddedDb db = properties.embeddedDb();
        CompletableFuture<EmbeddedPostgres> started = new CompletableFuture<>();
        Thread.ofPlatform().name("bd-early-postgres").daemon().start(() -> {
            try {
                started.complete(EmbeddedPostgres.start(properties.dataDir(), db.port(), db.deleteOnStop()));
            } catch (Throwable e) {
                started.completeExceptionally(e);
            }
        });
        synchronized (EarlyEmbeddedPostgres.class) {
            early = new Early(properties.dataDir(), db.port(), db.deleteOnStop(), started);
        }
    }

    /**
     * The embedded PostgreSQL for these settings: the one started early when it was started with them (waiting for it,
     * and failing as its start failed), else one started now.
     */
    static EmbeddedPostgres take(Path dataDir, int port, boolean deleteOnStop) {
        Early taken;
        synchronized (EarlyEmbeddedPostgres.class) {
            taken = early;
            early = null;
        }
        if (taken != null && taken.matches(dataDir, port, deleteOnStop)) {
            try {
                return taken.started().join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }
        if (taken != null) {
            stop(taken);
        }
        return EmbeddedPostgres.start(dataDir, port, deleteOnStop);
    }

    /** Stops an early start nobody took: the server failed before it needed its database. */
    public static void abandon() {
        Early left;
        synchronized (EarlyEmbeddedPostgres.class) {
            left = early;
            early = null;
        }
        if (left != null) {
            stop(left);
        }
    }

    private static void stop(Early left) {
        try {
            left.started().join().close();
        } catch (CompletionException e) {
            // it never started: nothing to stop
        }
    }
}
