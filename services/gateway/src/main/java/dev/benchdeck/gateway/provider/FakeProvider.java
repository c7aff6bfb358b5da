package dev.benchdeck.gateway.provider;

import dev.benchdeck.gateway.config.ProviderDefinition;
import dev.benchdeck.mockllm.GeneratedAnswer;
import io.netty.channel.EventLoop;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The built-in provider: the mock LLM's generator ({@link GeneratedAnswer}: TTFT, ITL, length, jitter)
 * played on the client's event loop, one scheduled task per chunk and no thread per stream. Chunk
 * {@code i} is due at start + TTFT + {@code i} gaps; a paused stream sends its due chunk on resume.
 */
public final class FakeProvider implements Provider {

    private final ProviderDefinition definition;

    FakeProvider(ProviderDefinition definition) {
        this.definition = definition;
    }

    @Override
    public ProviderDefinition definition() {
        return definition;
    }

    @Override
    public ProviderCall stream(ProviderRequest request, EventLoop loop, ProviderListener listener) {
        FakeCall call = new FakeCall(GeneratedAnswer.draw(definition.fake(), request.maxTokens(), ThreadLocalRandom.current()),
                loop, listener);
        loop.execute(call::start);
        return call;
    }

    private static final class FakeCall implements ProviderCall {
        private final GeneratedAnswer answer;
        private final EventLoop loop;
        private final ProviderListener listener;
        private long deadline;
        private int next;
        private boolean paused;
        private boolean due;
        private boolean cancelled;
        private ScheduledFuture<?> timer;

        FakeCall(GeneratedAnswer answer, EventLoop loop, ProviderListener listener) {
            this.answer = answer;
            this.loop = loop;
            this.listener = listener;
        }

        void start() {
            deadline = System.nanoTime() + answer.ttftNanos();
            schedule();
        }

        private void schedule() {
            timer = loop.schedule(this::emit, Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }

        private void emit() {
            if (cancelled) {
                return;
            }
            if (paused) {
                due = true;
                return;
            }
            listener.chunk(answer.chunkText(next++, ThreadLocalRandom.current()));
            if (cancelled) {
                return;
            }
            if (next == answer.chunks()) {
                listener.completed();
                return;
            }
            deadline += answer.nextGapNanos(ThreadLocalRandom.current());
            schedule();
        }

        @Override
        public void pause() {
            onLoop(() -> paused = true);
        }

        @Override
        public void resume() {
            onLoop(() -> {
                paused = false;
                if (due) {
                    due = false;
                    emit();
                }
            });
        }

        @Override
        public void cancel() {
            onLoop(() -> {
                cancelled = true;
                if (timer != null) {
                    timer.cancel(false);
                }
            });
        }

        private void onLoop(Runnable action) {
            if (loop.inEventLoop()) {
                action.run();
            } else {
                loop.execute(action);
            }
        }
    }
}
