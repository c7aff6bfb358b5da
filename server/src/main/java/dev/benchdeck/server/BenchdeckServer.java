package dev.benchdeck.server;

import dev.benchdeck.server.headless.HeadlessCommands;
import dev.benchdeck.server.headless.HeadlessLogging;
import dev.benchdeck.server.system.EarlyEmbeddedPostgres;
import dev.benchdeck.server.system.StartupFailure;
import dev.benchdeck.server.system.TlsOptions;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Starts the Benchdeck server: REST API, live feed, run orchestration and the dashboard. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BenchdeckServer {

    /** Exit status when the server could not start (one line on standard error says why). */
    static final int CANNOT_START = 1;

    /** Exit status for TLS options that cannot work (one line on standard error says why). */
    static final int INVALID_OPTIONS = 2;

    public static void main(String[] args) {
        if (HeadlessCommands.handles(args)) {
            // users add / tokens create: the database only, no web server; logs go to standard error
            HeadlessLogging.toStandardError();
            System.exit(HeadlessCommands.run(args, System.in, System.out, System.err, System.getenv()));
        }
        if (args.length > 0 && args[0].equals("agent")) {
            // a local agent the server started (LocalAgents): the CLI's agent on the server's class path
            HeadlessLogging.toStandardError();
            dev.benchdeck.cli.BenchdeckCommand.main(args);
            return;
        }
        if (!Arrays.asList(args).contains("--debug")) {
            StartupFailure.oneLine();
        }
        TlsOptions tls;
        try {
            tls = TlsOptions.parse(args, System::getenv);
        } catch (TlsOptions.InvalidTlsOptions e) {
            System.err.println("benchdeck: " + e.getMessage());
            System.exit(INVALID_OPTIONS);
            return;
        }
        try {
            SpringApplication app = new SpringApplication(BenchdeckServer.class);
            app.setDefaultProperties(tls.properties());
            app.addListeners(new EarlyEmbeddedPostgres()); // the embedded PostgreSQL starts beside Spring, not after it
            app.run(tls.remainingArgs().toArray(String[]::new));
        } catch (Throwable e) {
            EarlyEmbeddedPostgres.abandon();
            System.err.println("benchdeck: cannot start: " + StartupFailure.reason(e) + " (--debug shows the details)");
            System.exit(CANNOT_START);
        }
    }
}
