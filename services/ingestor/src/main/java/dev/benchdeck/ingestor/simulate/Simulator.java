package dev.benchdeck.ingestor.simulate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.benchdeck.ingestor.message.Message;
import dev.benchdeck.ingestor.message.MessageIds;
import dev.benchdeck.ingestor.queue.MessageQueue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * POST /simulate: {@code count} generated messages published through the same queue as real ones, as fast as
 * possible ({@code rate} 0, in chunks of 500) or paced at {@code rate} msg/s (a chunk every 10 ms). The content
 * template may use {@code {n}} (1-based number) and {@code {sim}} (the simulation's id).
 */
public final class Simulator {

    public static final int MAX_COUNT = 10_000_000;
    static final int CHUNK = 500;
    private static final int KEEP = 20;

    private final MessageQueue queue;
    private final Map<String, Simulation> simulations = new LinkedHashMap<>();
    private final AtomicLong sequence = new AtomicLong();

    public Simulator(MessageQueue queue) {
        this.queue = queue;
    }

    /** One simulation's progress. */
    public static final class Simulation {
        final String id;
        final int count;
        final double rate;
        final Instant started = Instant.now();
        final AtomicLong published = new AtomicLong();
        volatile String failure;
        volatile boolean done;

        Simulation(String id, int count, double rate) {
            this.id = id;
            this.count = count;
            this.rate = rate;
        }

        public String id() {
            return id;
        }

        public ObjectNode toJson() {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            o.put("id", id).put("count", count).put("rate", rate).put("published", published.get())
                    .put("state", failure != null ? "failed" : done ? "done" : "running").put("started_at", started.toString());
            if (failure != null) {
                o.put("error", failure);
            }
            return o;
        }
    }

    public synchronized Simulation start(int count, double rate, String template) {
        String id = "sim-" + sequence.incrementAndGet() + "-" + Long.toString(System.currentTimeMillis() % 1_000_000, 36);
        Simulation s = new Simulation(id, count, rate);
        simulations.put(id, s);
        while (simulations.size() > KEEP) {
            simulations.remove(simulations.keySet().iterator().next());
        }
        Thread.ofVirtual().name("simulate-" + id).start(() -> run(s, template));
        return s;
    }

    private void run(Simulation s, String template) {
        long startNanos = System.nanoTime();
        int n = 0;
        try {
            while (n < s.count) {
                int size = s.rate <= 0 ? CHUNK : (int) Math.max(1, Math.min(CHUNK, s.rate / 100));
                size = Math.min(size, s.count - n);
                if (s.rate > 0) {
                    long due = startNanos + (long) (n / s.rate * 1e9);
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                }
                List<Message> chunk = new ArrayList<>(size);
                Instant now = Instant.now();
                ThreadLocalRandom random = ThreadLocalRandom.current();
                for (int i = 0; i < size; i++) {
                    String content = template.replace("{n}", Integer.toString(n + i + 1)).replace("{sim}", s.id);
                    chunk.add(new Message(MessageIds.uuidV7(), random.nextLong(1, 10_001), random.nextLong(1, 101), content, now));
                }
                queue.publish(chunk).join();
                n += size;
                s.published.set(n);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            s.failure = "stopped";
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            s.failure = String.valueOf(cause.getMessage());
        } finally {
            s.done = true;
        }
    }

    public synchronized Simulation get(String id) {
        return simulations.get(id);
    }

    /** The recent simulations, newest last. */
    public synchronized ArrayNode toJson() {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        simulations.values().forEach(s -> out.add(s.toJson()));
        return out;
    }

    public synchronized List<Simulation> running() {
        return simulations.values().stream().filter(s -> !s.done).toList();
    }

    /** The recent simulations, including ones that just finished (for the live feed's last word on them). */
    public synchronized List<Simulation> recent() {
        return List.copyOf(simulations.values());
    }
}
