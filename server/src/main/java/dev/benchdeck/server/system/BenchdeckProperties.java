package dev.benchdeck.server.system;

import java.time.Duration;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Benchdeck's own settings ({@code benchdeck.*}).
 *
 * @param dataDir where the embedded database, its binaries and the secret key live
 * @param embeddedDb the embedded PostgreSQL (used when no database URL is set)
 * @param runs how many runs execute at once; the others wait queued
 * @param maxRequestBytes the largest request body accepted (413 beyond)
 * @param demo whether to create the demo target and scenarios when there are no targets yet
 * @param mockLlm the built-in mock LLM server for the demos
 * @param demoTarget the built-in demo HTTP endpoints the HTTP demo scenarios run against
 * @param maxUploadBytes the largest uploaded result ({@code POST /api/v1/runs/import}) accepted (413 beyond)
 */
@ConfigurationProperties("benchdeck")
public record BenchdeckProperties(Path dataDir,
                                  @DefaultValue EmbeddedDb embeddedDb,
                                  @DefaultValue Runs runs,
                                  @DefaultValue("1048576") long maxRequestBytes,
                                  @DefaultValue("true") boolean demo,
                                  @DefaultValue MockLlm mockLlm,
                                  @DefaultValue DemoTarget demoTarget,
                                  @DefaultValue("67108864") long maxUploadBytes) {

    /**
     * @param port the port to try first (a free one when it is taken, remembered in the data directory), 0 for any free one
     * @param deleteOnStop drop the data directory when stopping (tests)
     * @param supervisionInterval how often the server's process is checked and, when gone, started again
     */
    public record EmbeddedDb(@DefaultValue("5433") int port, @DefaultValue("false") boolean deleteOnStop,
                             @DefaultValue("1s") java.time.Duration supervisionInterval) {
    }

    /**
     * @param port the mock LLM server's port on 127.0.0.1: 8001 by default, 0 for a free one, -1 for none
     */
    public record MockLlm(@DefaultValue("8001") int port) {

        public boolean enabled() {
            return port >= 0;
        }
    }

    /** @param port the demo endpoints' port on 127.0.0.1: 0 (the default) for a free one, -1 for none */
    public record DemoTarget(@DefaultValue("0") int port) {

        public boolean enabled() {
            return port >= 0;
        }
    }

    /**
     * {@code heartbeat}: how often this replica tells the database it still executes its runs; a run whose replica
     * missed four is marked interrupted by another replica (or by this one when it starts again).
     */
    public record Runs(@DefaultValue("1") int maxConcurrent, @DefaultValue("30s") Duration heartbeat) {
    }
}
