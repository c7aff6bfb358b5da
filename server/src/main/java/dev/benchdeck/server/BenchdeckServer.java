package dev.benchdeck.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Starts the Benchdeck server: REST API, live feed, run orchestration and the dashboard. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BenchdeckServer {

    public static void main(String[] args) {
        SpringApplication.run(BenchdeckServer.class, args);
    }
}
