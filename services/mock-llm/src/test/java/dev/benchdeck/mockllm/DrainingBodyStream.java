package dev.benchdeck.mockllm;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A response body as an InputStream that hands out every byte received before it reports a cut
 * connection. The JDK's {@code ofInputStream} throws as soon as the error arrives, dropping bytes
 * still queued, so a slow reader would see fewer events than the server sent.
 */
final class DrainingBodyStream extends InputStream implements HttpResponse.BodySubscriber<InputStream> {

    private static final Object END = new Object();

    private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private Flow.Subscription subscription;
    private ByteBuffer current = ByteBuffer.allocate(0);
    private IOException failure;
    private boolean ended;

    static HttpResponse.BodyHandler<InputStream> handler() {
        return info -> new DrainingBodyStream();
    }

    @Override
    public CompletionStage<InputStream> getBody() {
        // readable at once, while the body still arrives
        return CompletableFuture.completedStage(this);
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        queue.addAll(buffers);
    }

    @Override
    public void onError(Throwable error) {
        queue.add(error);
    }

    @Override
    public void onComplete() {
        queue.add(END);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] into, int offset, int length) throws IOException {
        while (!current.hasRemaining()) {
            if (failure != null) {
                throw failure;
            }
            if (ended) {
                return -1;
            }
            Object next = take();
            if (next == END) {
                ended = true;
            } else if (next instanceof Throwable error) {
                failure = error instanceof IOException io ? io : new IOException(error);
            } else {
                current = (ByteBuffer) next;
            }
        }
        int count = Math.min(length, current.remaining());
        current.get(into, offset, count);
        return count;
    }

    @Override
    public void close() {
        if (subscription != null && !ended && failure == null) {
            subscription.cancel();
        }
    }

    private Object take() throws IOException {
        try {
            return queue.take();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading the body", interrupted);
        }
    }
}
