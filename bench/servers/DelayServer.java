/*
 * DelayServer: a tiny HTTP/1.1 keep-alive server for Benchdeck's benchmark suite.
 *
 * Run (JDK 25 single-file source launch, no dependencies):
 *   java bench/servers/DelayServer.java --port 8082 --delay-ms 20
 *   java bench/servers/DelayServer.java --port 8083 --stall-every-ms 5000 --stall-ms 1000
 *
 * Every request gets "200 OK" with a 2-byte body, sent --delay-ms after the request
 * (its header block) has been read completely. One virtual thread per connection.
 *
 * Stall mode: time is cut into cycles of --stall-every-ms measured from server start;
 * a request arriving in the last --stall-ms of a cycle is held until that cycle ends,
 * so the server stalls all responses for --stall-ms every --stall-every-ms. When both a
 * delay and a stall apply, the response leaves at the later of the two moments.
 *
 * --stats prints, once a second on stderr, the time (epoch seconds), the response rate, open
 * connections and how late responses were written compared with their due time (a check that
 * the server is not the bottleneck). Only binds to 127.0.0.1 (or --host). Stops on SIGTERM / SIGINT.
 */

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

public final class DelayServer {

    private static final byte[] BODY = "ok".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] RESPONSE_KEEP_ALIVE = response("Connection: keep-alive\r\n");
    private static final byte[] RESPONSE_PLAIN = response("");
    private static final byte[] RESPONSE_CLOSE = response("Connection: close\r\n");
    private static final byte[] RESPONSE_BAD = ("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n"
            + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_LINE = 2048;

    private static byte[] response(String extraHeader) {
        String head = "HTTP/1.1 200 OK\r\n"
                + "Content-Type: text/plain\r\n"
                + "Content-Length: " + BODY.length + "\r\n"
                + extraHeader
                + "\r\n";
        byte[] h = head.getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[h.length + BODY.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(BODY, 0, all, h.length, BODY.length);
        return all;
    }

    private final long delayNanos;
    private final long stallEveryNanos;
    private final long stallNanos;
    private final long startNanos = System.nanoTime();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong responses = new AtomicLong();
    private final AtomicLong openConnections = new AtomicLong();
    private final AtomicLong lateNanosTotal = new AtomicLong();
    private final AtomicLong lateNanosMax = new AtomicLong();
    private boolean stats;
    private volatile boolean dispatcherIdle;
    private final ConcurrentLinkedQueue<Waiter> waiters = new ConcurrentLinkedQueue<>();
    private final Thread dispatcher = Thread.ofPlatform().daemon().name("dispatcher").unstarted(this::dispatch);

    private DelayServer(long delayMs, long stallEveryMs, long stallMs) {
        this.delayNanos = TimeUnit.MILLISECONDS.toNanos(delayMs);
        this.stallEveryNanos = TimeUnit.MILLISECONDS.toNanos(stallEveryMs);
        this.stallNanos = TimeUnit.MILLISECONDS.toNanos(stallMs);
    }

    public static void main(String[] args) throws Exception {
        String host = "127.0.0.1";
        int port = 8082;
        long delayMs = 0;
        long stallEveryMs = 0;
        long stallMs = 0;
        int backlog = 16384;
        boolean stats = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--host" -> host = value(args, ++i, a);
                case "--port" -> port = Integer.parseInt(value(args, ++i, a));
                case "--delay-ms" -> delayMs = Long.parseLong(value(args, ++i, a));
                case "--stall-every-ms" -> stallEveryMs = Long.parseLong(value(args, ++i, a));
                case "--stall-ms" -> stallMs = Long.parseLong(value(args, ++i, a));
                case "--backlog" -> backlog = Integer.parseInt(value(args, ++i, a));
                case "--stats" -> stats = true;
                case "-h", "--help" -> {
                    System.out.println("usage: java DelayServer.java [--host 127.0.0.1] [--port 8082] [--delay-ms N]"
                            + " [--stall-every-ms N --stall-ms N] [--backlog 16384]");
                    return;
                }
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        if (delayMs < 0 || stallMs < 0 || stallEveryMs < 0) {
            throw new IllegalArgumentException("negative durations are not allowed");
        }
        if ((stallEveryMs > 0) != (stallMs > 0) || (stallEveryMs > 0 && stallMs >= stallEveryMs)) {
            throw new IllegalArgumentException("--stall-every-ms and --stall-ms go together, with stall < every");
        }
        DelayServer server = new DelayServer(delayMs, stallEveryMs, stallMs);
        server.stats = stats;
        server.serve(host, port, backlog);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private void serve(String host, int port, int backlog) throws IOException {
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getByName(host), port), backlog);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (IOException ignored) {
                // exiting anyway
            }
            System.err.printf("DelayServer: %d requests served%n", requests.get());
        }));
        System.out.printf("DelayServer listening on %s:%d delay=%dms stall=%dms every %dms backlog=%d%n",
                host, port, TimeUnit.NANOSECONDS.toMillis(delayNanos), TimeUnit.NANOSECONDS.toMillis(stallNanos),
                TimeUnit.NANOSECONDS.toMillis(stallEveryNanos), backlog);
        System.out.flush();
        dispatcher.setPriority(Thread.MAX_PRIORITY);
        dispatcher.start();
        if (stats) {
            Thread.ofPlatform().daemon().name("stats").start(this::printStats);
        }
        Thread.Builder connections = Thread.ofVirtual().name("conn-", 0);
        while (!server.isClosed()) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                if (server.isClosed()) {
                    break;
                }
                // e.g. EMFILE: back off briefly rather than spin
                System.err.println("DelayServer: accept failed: " + e);
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
                continue;
            }
            connections.start(() -> handle(socket));
        }
    }

    /** Once a second: requests served, open connections, and how late responses left vs. their release time. */
    private void printStats() {
        long last = 0;
        while (true) {
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
            long now = responses.get();
            long late = lateNanosTotal.getAndSet(0);
            long max = lateNanosMax.getAndSet(0);
            long n = now - last;
            System.err.printf("stats: t=%.3f %d responses/s, %d connections, response lateness mean %.3f ms max %.3f ms%n",
                    System.currentTimeMillis() / 1000.0, n, openConnections.get(), n == 0 ? 0.0 : late / 1e6 / n,
                    max / 1e6);
            last = now;
        }
    }

    /** The moment (System.nanoTime) at which the response to a request read at {@code arrival} may leave. */
    private long releaseAt(long arrival) {
        long release = arrival + delayNanos;
        if (stallEveryNanos > 0) {
            long sinceStart = arrival - startNanos;
            long inCycle = Math.floorMod(sinceStart, stallEveryNanos);
            if (inCycle >= stallEveryNanos - stallNanos) {
                long cycleEnd = arrival - inCycle + stallEveryNanos;
                release = Math.max(release, cycleEnd);
            }
        }
        return release;
    }

    /**
     * Parks the calling (virtual) thread until {@code deadline}.
     *
     * <p>Release times are non-decreasing in arrival order (constant delay, stall windows end
     * in order), so waiters form a FIFO queue and one dispatcher thread wakes them in batches:
     * one timer for the whole server instead of one per waiting request (10,000 with the memory
     * benchmark). A waiter arriving slightly out of order is woken at most microseconds late.
     */
    private void sleepUntil(long deadline) {
        if (deadline - System.nanoTime() <= 0) {
            return;
        }
        Thread me = Thread.currentThread();
        waiters.offer(new Waiter(deadline, me));
        if (dispatcherIdle) {
            LockSupport.unpark(dispatcher);
        }
        while (deadline - System.nanoTime() > 0) {
            LockSupport.park(this);
        }
    }

    private record Waiter(long deadline, Thread thread) {}

    private void dispatch() {
        while (true) {
            Waiter head = waiters.peek();
            if (head == null) {
                // Announce idleness, then re-check: an offer racing with us either is seen by
                // the re-check or sees the flag and unparks us (the permit survives until park).
                dispatcherIdle = true;
                if (waiters.isEmpty()) {
                    LockSupport.park(this);
                }
                dispatcherIdle = false;
                continue;
            }
            long wait = head.deadline() - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(this, wait);
                continue;
            }
            long now = System.nanoTime();
            Waiter w;
            while ((w = waiters.peek()) != null && w.deadline() - now <= 0) {
                waiters.poll();
                LockSupport.unpark(w.thread());
            }
        }
    }

    private void handle(Socket socket) {
        openConnections.incrementAndGet();
        try (socket) {
            socket.setTcpNoDelay(true);
            // small buffers: 10,000 connections x per-connection garbage is what the GC has to copy
            InputStream in = new BufferedInputStream(socket.getInputStream(), 1024);
            OutputStream out = socket.getOutputStream(); // each response is a single write
            byte[] line = new byte[MAX_LINE];
            while (true) {
                int n = readLine(in, line);
                if (n < 0) {
                    return; // peer closed between requests
                }
                if (n == 0) {
                    continue; // tolerate stray CRLF between requests
                }
                String requestLine = new String(line, 0, n, StandardCharsets.ISO_8859_1);
                boolean http10 = requestLine.endsWith("HTTP/1.0");
                boolean keepAlive = !http10;
                boolean explicitKeepAlive = false;
                long contentLength = 0;
                boolean chunked = false;
                boolean bad = requestLine.indexOf(' ') < 0;
                while ((n = readLine(in, line)) > 0) {
                    int colon = indexOf(line, n, (byte) ':');
                    if (colon <= 0) {
                        bad = true;
                        continue;
                    }
                    String name = new String(line, 0, colon, StandardCharsets.ISO_8859_1).trim();
                    String value = new String(line, colon + 1, n - colon - 1, StandardCharsets.ISO_8859_1).trim();
                    if (name.equalsIgnoreCase("Content-Length")) {
                        try {
                            contentLength = Long.parseLong(value);
                        } catch (NumberFormatException e) {
                            bad = true;
                        }
                    } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                        chunked = value.toLowerCase().contains("chunked");
                    } else if (name.equalsIgnoreCase("Connection")) {
                        String v = value.toLowerCase();
                        if (v.contains("close")) {
                            keepAlive = false;
                        } else if (v.contains("keep-alive")) {
                            keepAlive = true;
                            explicitKeepAlive = true;
                        }
                    }
                }
                if (n < 0) {
                    return; // truncated header block
                }
                if (bad || contentLength < 0) {
                    out.write(RESPONSE_BAD);
                    return;
                }
                if (chunked) {
                    skipChunkedBody(in, line);
                } else {
                    skipFully(in, contentLength);
                }
                long arrival = System.nanoTime();
                requests.incrementAndGet();
                long release = releaseAt(arrival);
                sleepUntil(release);
                if (!keepAlive) {
                    out.write(RESPONSE_CLOSE);
                    return;
                }
                out.write(http10 && explicitKeepAlive ? RESPONSE_KEEP_ALIVE : RESPONSE_PLAIN);
                if (stats) {
                    responses.incrementAndGet();
                    long late = System.nanoTime() - release;
                    lateNanosTotal.addAndGet(late);
                    lateNanosMax.accumulateAndGet(late, Math::max);
                }
            }
        } catch (IOException e) {
            // connection reset / broken pipe: the client went away
        } finally {
            openConnections.decrementAndGet();
        }
    }

    /** Reads one CRLF (or LF) terminated line into buf; returns its length without the terminator, -1 at EOF. */
    private static int readLine(InputStream in, byte[] buf) throws IOException {
        int n = 0;
        int b = in.read();
        if (b < 0) {
            return -1;
        }
        while (b >= 0) {
            if (b == '\n') {
                if (n > 0 && buf[n - 1] == '\r') {
                    n--;
                }
                return n;
            }
            if (n == buf.length) {
                throw new IOException("line too long");
            }
            buf[n++] = (byte) b;
            b = in.read();
        }
        throw new EOFException("EOF inside a line");
    }

    private static int indexOf(byte[] buf, int len, byte value) {
        for (int i = 0; i < len; i++) {
            if (buf[i] == value) {
                return i;
            }
        }
        return -1;
    }

    private static void skipFully(InputStream in, long count) throws IOException {
        while (count > 0) {
            long skipped = in.skip(count);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new EOFException("EOF inside a body");
                }
                skipped = 1;
            }
            count -= skipped;
        }
    }

    private static void skipChunkedBody(InputStream in, byte[] line) throws IOException {
        while (true) {
            int n = readLine(in, line);
            if (n < 0) {
                throw new EOFException("EOF inside a chunked body");
            }
            String size = new String(line, 0, n, StandardCharsets.ISO_8859_1);
            int semi = size.indexOf(';');
            long chunk = Long.parseLong((semi >= 0 ? size.substring(0, semi) : size).trim(), 16);
            if (chunk == 0) {
                while ((n = readLine(in, line)) > 0) {
                    // trailers
                }
                return;
            }
            skipFully(in, chunk);
            readLine(in, line); // CRLF after the chunk data
        }
    }
}
