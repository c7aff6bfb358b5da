package dev.benchdeck.ingestor;

import dev.benchdeck.engine.testkit.KafkaProcess;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One real Kafka broker shared by the tests of this JVM (a broker takes seconds to start; topics keep tests apart).
 * Tests that kill a broker start one of their own with {@link KafkaProcess#start()}.
 */
final class TestKafka {

    private static KafkaProcess shared;

    private TestKafka() {
    }

    static synchronized KafkaProcess shared() {
        if (shared == null) {
            try {
                shared = KafkaProcess.start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            KafkaProcess broker = shared;
            // the JVM is ending: SIGKILL at once instead of a controlled shutdown, so the fork exits promptly
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    broker.kill();
                    broker.close();
                } catch (IOException | InterruptedException ignored) {
                    // the JVM is going away
                }
            }));
        }
        return shared;
    }

    /** A topic name no other test uses. */
    static String topic(String what) {
        return "test-" + what + "-" + System.nanoTime();
    }
}
