package dev.benchdeck.mockllm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Many concurrent streams against a mock in its own JVM (as in production, and so each process
 * stays under the open-file limit): every stream must complete with the right token count.
 * 2,000 streams by default; {@code -Dmockllm.scale=10000} for the full check. Figures go to
 * target/mockllm-scale.txt.
 */
class ConcurrentStreamsTest {

    private static final int TOKENS = 30;
    private static final int ITL_MS = 100;
    private static final int TTFT_MS = 200;
    private static final Pattern LISTENING = Pattern.compile("listening on http://[^:]+:(\\d+)");

    /** One stream's result; ttftNanos counts from the request's write. */
    private record StreamResult(int contentChunks, int usageTokens, boolean done, long ttftNanos, long lastTokenNanos) {
    }

    @Test
    void everyStreamCompletesWithAllItsTokens() throws Exception {
        int streams = Integer.getInteger("mockllm.scale", 2000);
        Process server = startServerProcess();
        try {
            int port = readPort(server);
            runStreams(port, Math.min(streams, 500)); // warm-up: JIT and class loading of both sides out of the figures
            long cpuBefore = cpuTicks(server.pid());
            long start = System.nanoTime();
            List<StreamResult> results = runStreams(port, streams);
            double wallSeconds = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = (cpuTicks(server.pid()) - cpuBefore) / 100.0;

            assertThat(results).hasSize(streams);
            assertThat(results).allSatisfy(r -> {
                assertThat(r.contentChunks()).isEqualTo(TOKENS);
                assertThat(r.usageTokens()).isEqualTo(TOKENS);
                assertThat(r.done()).isTrue();
            });
            report(streams, results, wallSeconds, cpuSeconds, server.pid());
        } finally {
            server.destroy();
            server.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static Process startServerProcess() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), MockLlmMain.class.getName(),
                "--port", "0", "--ttft", "" + TTFT_MS, "--ttft-spread", "0", "--itl", "" + ITL_MS, "--itl-spread", "0",
                "--tokens", "" + TOKENS, "--tokens-spread", "0")
                .redirectErrorStream(true).start();
    }

    private static int readPort(Process server) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        Matcher matcher = LISTENING.matcher(line == null ? "" : line);
        assertThat(matcher.find()).as("server said: %s", line).isTrue();
        Thread.ofVirtual().start(() -> out.lines().forEach(System.out::println));
        return Integer.parseInt(matcher.group(1));
    }

    private static List<StreamResult> runStreams(int port, int streams) throws Exception {
        List<Future<StreamResult>> futures = new ArrayList<>(streams);
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            long rampNanos = TimeUnit.MILLISECONDS.toNanos(Long.getLong("mockllm.rampMs", 0));
            long begin = System.nanoTime();
            for (int i = 0; i < streams; i++) {
                long startAt = begin + rampNanos * i / streams;
                futures.add(clients.submit(() -> {
                    Thread.sleep(Math.max(0, (startAt - System.nanoTime()) / 1_000_000));
                    return stream(port);
                }));
            }
            List<StreamResult> results = new ArrayList<>(streams);
            for (Future<StreamResult> future : futures) {
                results.add(future.get(120, TimeUnit.SECONDS));
            }
            return results;
        }
    }

    private static StreamResult stream(int port) throws IOException {
        String body = "{\"model\":\"scale\",\"stream\":true,\"stream_options\":{\"include_usage\":true},\"messages\":[{\"role\":\"user\",\"content\":\"go\"}]}";
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            long sent = System.nanoTime();
            out.write(("POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: "
                    + body.length() + "\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            int chunks = 0;
            int usage = -1;
            long ttft = -1;
            long last = -1;
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("data: [DONE]")) {
                    return new StreamResult(chunks, usage, true, ttft, last);
                }
                if (line.contains("\"delta\":{\"content\":\" ")) {
                    last = System.nanoTime() - sent;
                    ttft = chunks == 0 ? last : ttft;
                    chunks++;
                } else if (line.contains("\"completion_tokens\":")) {
                    Matcher m = Pattern.compile("\"completion_tokens\":(\\d+)").matcher(line);
                    usage = m.find() ? Integer.parseInt(m.group(1)) : -1;
                }
            }
            return new StreamResult(chunks, usage, false, ttft, last);
        }
    }

    private static void report(int streams, List<StreamResult> results, double wallSeconds, double cpuSeconds, long serverPid)
            throws IOException {
        double[] ttft = results.stream().mapToDouble(r -> r.ttftNanos() / 1e6).sorted().toArray();
        double[] last = results.stream().mapToDouble(r -> r.lastTokenNanos() / 1e6).sorted().toArray();
        double[] itl = results.stream().mapToDouble(r -> (r.lastTokenNanos() - r.ttftNanos()) / 1e6 / (TOKENS - 1)).sorted().toArray();
        double expectedLast = TTFT_MS + (TOKENS - 1) * ITL_MS;
        String figures = String.format("""
                streams=%d tokens=%d ttft=%dms itl=%dms ramp=%dms
                wall=%.1fs server_cpu=%.1fs (%.0f%% of one core over the run)
                server_peak_rss=%dMB client_peak_rss=%dMB
                ttft_ms p50=%.1f p99=%.1f max=%.1f
                last_token_ms (due %.0f) p50=%.1f p99=%.1f max=%.1f
                mean_itl_per_stream_ms p50=%.2f p99=%.2f
                """, streams, TOKENS, TTFT_MS, ITL_MS, Long.getLong("mockllm.rampMs", 0), wallSeconds, cpuSeconds, 100 * cpuSeconds / wallSeconds,
                peakRssMb(serverPid), peakRssMb(ProcessHandle.current().pid()),
                percentile(ttft, 50), percentile(ttft, 99), ttft[ttft.length - 1],
                expectedLast, percentile(last, 50), percentile(last, 99), last[last.length - 1],
                percentile(itl, 50), percentile(itl, 99));
        System.out.print(figures);
        Files.writeString(Path.of("target", "mockllm-scale.txt"), figures);
    }

    private static double percentile(double[] sorted, double p) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1)];
    }

    /** VmHWM: the process's peak resident set; -1 off Linux. */
    private static long peakRssMb(long pid) throws IOException {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        if (!Files.exists(status)) {
            return -1;
        }
        return Files.readAllLines(status).stream().filter(l -> l.startsWith("VmHWM:"))
                .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024).findFirst().orElse(-1);
    }

    /** utime + stime in clock ticks (100 per second on Linux); 0 off Linux. */
    private static long cpuTicks(long pid) throws IOException {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        if (!Files.exists(stat)) {
            return 0;
        }
        String text = Files.readString(stat);
        String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

}
