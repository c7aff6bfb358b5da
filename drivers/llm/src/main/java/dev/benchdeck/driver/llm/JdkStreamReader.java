package dev.benchdeck.driver.llm;

import dev.benchdeck.driver.http.TransportErrors;
import dev.benchdeck.driver.llm.stream.StreamCollector;
import dev.benchdeck.engine.driver.Outcome;
import dev.benchdeck.engine.driver.Timings;
import dev.benchdeck.engine.time.EngineClock;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A streamed answer read by the JDK client (https, HTTP/2): its body buffers are timestamped when
 * the client hands them over, on one of its executor's threads, and fed to the {@link StreamCollector}.
 */
final class JdkStreamReader implements HttpResponse.BodySubscriber<Outcome> {

    private final StreamCollector collector;
    private final EngineClock clock;
    private final long timeoutMillis;
    private final CompletableFuture<Outcome> result = new CompletableFuture<>();
    private volatile Flow.Subscription subscription;

    JdkStreamReader(StreamCollector collector, EngineClock clock, long timeoutMillis) {
        this.collector = collector;
        this.clock = clock;
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    public CompletionStage<Outcome> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        long at = clock.nanoTime();
        synchronized (collector) {
            for (ByteBuffer buffer : buffers) {
                if (buffer.hasArray()) {
                    collector.bytes(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining(), at);
                } else {
                    byte[] copy = new byte[buffer.remaining()];
                    buffer.get(copy);
                    collector.bytes(copy, 0, copy.length, at);
                }
            }
        }
        subscription.request(1);
    }

    @Override
    public void onError(Throwable error) {
        TransportErrors.Reason reason = TransportErrors.classifyJdkClient(error, timeoutMillis);
        synchronized (collector) {
            if (!result.isDone()) {
                result.complete(collector.outcome(clock.nanoTime(), Timings.NONE, reason.errorClass(),
                        "the stream broke off (" + reason.message() + ")"));
            }
        }
    }

    @Override
    public void onComplete() {
        synchronized (collector) {
            if (!result.isDone()) {
                result.complete(collector.outcome(clock.nanoTime(), Timings.NONE, null, null));
            }
        }
    }

    /**
     * Stops reading now and completes as cut off ({@code timeout}, session closed); returns the
     * outcome when this call decided it, {@code null} when the stream had already ended.
     */
    Outcome cutOff(String errorClass, String message) {
        Outcome outcome = null;
        synchronized (collector) {
            // complete before cancelling: a cancel makes the client report an error that must not win
            if (!result.isDone()) {
                outcome = collector.outcome(clock.nanoTime(), Timings.NONE, errorClass, message);
                result.complete(outcome);
            }
        }
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
        return outcome;
    }
}
