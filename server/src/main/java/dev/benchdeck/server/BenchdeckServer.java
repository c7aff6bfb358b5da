package dev.benchdeck.server;

import dev.benchdeck.server.headless.HeadlessCommands;
import dev.benchdeck.server.headless.HeadlessLogging;
import dev.benchdeck.server.system.StartupFailure;
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

    public static void main(String[] args) {
        if (HeadlessCommands.handles(args)) {
            // users add / tokens create: the database only, no web server; logs go to standard error
            HeadlessLogging.toStandardError();
            System.exit(HeadlessCommands.run(args, System.in, System.out, System.err, System.getenv()));
        }
        if (!Arrays.asList(args).contains("--debug")) {
            StartupFailure.oneLine();
        }
        try {
            SpringApplication.run(BenchdeckServer.class, args);
        } catch (Throwable e) {
            System.err.println("benchdeck: cannot start: " + StartupFailure.reason(e) + " (--debug shows the details)");
            System.exit(CANNOT_START);
        }
    }
}
