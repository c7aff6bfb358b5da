package dev.benchdeck.ingestor;

import dev.benchdeck.engine.testkit.KafkaProcess;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One real Kafka broker shared by the tests of this JVM (a broker takes seconds to start; topics keep tests apart),
 * killed when the JVM ends. Tests that kill a broker start one of their own with {@link KafkaProcess#start()}.
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
        }
        return shared;
    }

    /** A topic name no other test uses. */
    static String topic(String what) {
        return "test-" + what + "-" + System.nanoTime();
    }
}
