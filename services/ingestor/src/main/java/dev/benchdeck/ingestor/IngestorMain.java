package dev.benchdeck.ingestor;

import dev.benchdeck.ingestor.store.DatabaseSettings;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Runs an ingestor until the process is stopped, for scripts and tests that start (and kill) it as a process:
 * {@code java -cp … dev.benchdeck.ingestor.IngestorMain --database-url URL [--redis URL | --kafka-bootstrap
 * host:port [--kafka-topic T] [--kafka-partitions N]] [--port N] [--workers N] [--claim-after-ms N]}; the database password from {@code BENCHDECK_INGESTOR_DATABASE_PASSWORD}. People use
 * {@code benchdeck ingestor}. Exit codes: 1 cannot start, 2 bad command line.
 */
public final class IngestorMain {

    private IngestorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        String url = null;
        String user = null;
        IngestorConfig.Builder builder = null;
        URI redis = null;
        String kafka = null;
        String topic = null;
        Integer partitions = null;
        Integer port = null;
        Integer workers = null;
        Long claimAfter = null;
        String instance = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            String v = args[i + 1];
            switch (args[i]) {
                case "--database-url" -> url = v;
                case "--database-user" -> user = v;
                case "--redis" -> redis = URI.create(v);
                case "--kafka-bootstrap" -> kafka = v;
                case "--kafka-topic" -> topic = v;
                case "--kafka-partitions" -> partitions = Integer.parseInt(v);
                case "--port" -> port = Integer.parseInt(v);
                case "--workers" -> workers = Integer.parseInt(v);
                case "--claim-after-ms" -> claimAfter = Long.parseLong(v);
                case "--instance" -> instance = v;
                default -> exit(2, "unknown option " + args[i]);
            }
        }
        if (url == null) {
            exit(2, "needs --database-url");
        }
        IngestorServer ingestor;
        try {
            builder = IngestorConfig.builder(DatabaseSettings.parse(url, user, System.getenv("BENCHDECK_INGESTOR_DATABASE_PASSWORD")))
                    .redisUrl(redis).kafkaBootstrap(kafka);
            if (topic != null) {
                builder.kafkaTopic(topic);
            }
            if (partitions != null) {
                builder.kafkaPartitions(partitions);
            }
            if (port != null) {
                builder.port(port);
            }
            if (workers != null) {
                builder.workers(workers);
            }
            if (claimAfter != null) {
                builder.claimAfter(Duration.ofMillis(claimAfter));
            }
            if (instance != null) {
                builder.instanceId(instance);
            }
            ingestor = IngestorServer.start(builder.build());
        } catch (IllegalArgumentException e) {
            exit(2, e.getMessage());
            return;
        } catch (IngestorServer.StartFailure e) {
            exit(1, e.getMessage());
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            ingestor.close();
            stopped.countDown();
        }));
        System.out.println("ingestor listening on " + ingestor.baseUri());
        System.out.flush();
        stopped.await();
    }

    private static void exit(int code, String message) {
        System.err.println("ingestor: " + message);
        System.exit(code);
    }
}
