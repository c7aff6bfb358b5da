package dev.benchdeck.driver.http;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * A tiny HTTP/1.1 server on 127.0.0.1 whose answer per path is scripted: it answers, delays,
 * misbehaves or hangs up as a test needs. Requests and connections are counted for assertions.
 */
public final class ScriptedServer implements AutoCloseable {

    /** A request as the server read it; header names are lower case. */
    public record Request(String method, String target, Map<String, String> headers, String body, int connection) {
    }

    /** What the server does for a request; returns whether to keep the connection open. */
    @FunctionalInterface
    public interface Reply {
        boolean answer(Request request, Socket socket, OutputStream out) throws Exception;
    }

    private final ServerSocket server;
    private final String scheme;
    private final Map<String, Reply> routes = new ConcurrentHashMap<>();
    private final Set<Socket> clients = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedQueue<Request> requests = new ConcurrentLinkedQueue<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger closedByServer = new AtomicInteger();
    private final Thread acceptor;

    private ScriptedServer(ServerSocket server, String scheme) {
        this.server = server;
        this.scheme = scheme;
        defaultRoutes();
        acceptor = Thread.ofVirtual().name("scripted-server-accept").start(this::acceptLoop);
    }

    public static ScriptedServer start() throws IOException {
        return new ScriptedServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), "http");
    }

    public static ScriptedServer startTls(SSLContext context) throws IOException {
        return new ScriptedServer(context.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress()), "https");
    }

    public int port() {
        return server.getLocalPort();
    }

    public String url() {
        return scheme + "://127.0.0.1:" + port() + "/";
    }

    /** Answers requests whose path starts with {@code prefix}; the longest matching prefix wins. */
    public ScriptedServer on(String prefix, Reply reply) {
        routes.put(prefix, reply);
        return this;
    }

    public int connectionsAccepted() {
        return accepted.get();
    }

    /** How many connections carried requests (the driver's probe connection carries none). */
    public long connectionsUsed() {
        return requests.stream().mapToInt(Request::connection).distinct().count();
    }

    public int connectionsClosedByServer() {
        return closedByServer.get();
    }

    public List<Request> requests() {
        return new ArrayList<>(requests);
    }

    @Override
    public void close() throws IOException {
        server.close();
        try {
            // the listening socket is only released once the thread blocked in accept() has left it
            acceptor.join(Duration.ofSeconds(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Socket client : clients) {
            client.close();
        }
    }

    /** Writes a complete response with a Content-Length body. */
    public static void respond(OutputStream out, int status, String body, String... extraHeaders) throws IOException {
        StringBuilder head = new StringBuilder("HTTP/1.1 " + status + " Scripted\r\n");
        for (String header : extraHeaders) {
            head.append(header).append("\r\n");
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        head.append("Content-Length: ").append(bytes.length).append("\r\n\r\n");
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        response.writeBytes(head.toString().getBytes(StandardCharsets.US_ASCII));
        response.writeBytes(bytes);
        out.write(response.toByteArray());
        out.flush();
    }

    public static void write(OutputStream out, String raw) throws IOException {
        out.write(raw.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    private void defaultRoutes() {
        on("/ok", (request, socket, out) -> {
            respond(out, 200, "hello");
            return true;
        });
        on("/chunked", (request, socket, out) -> {
            write(out, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "3;name=value\r\nhel\r\n2\r\nlo\r\n0\r\nX-Trailer: yes\r\n\r\n");
            return true;
        });
        on("/status/", (request, socket, out) -> {
            respond(out, Integer.parseInt(request.target().substring("/status/".length())), "status");
            return true;
        });
        on("/delay/", (request, socket, out) -> {
            Thread.sleep(Long.parseLong(request.target().substring("/delay/".length())));
            respond(out, 200, "late");
            return true;
        });
        on("/no-answer", (request, socket, out) -> false);
        on("/garbage", (request, socket, out) -> {
            write(out, "garbage\r\n\r\n");
            return false;
        });
        on("/reset", (request, socket, out) -> {
            socket.setSoLinger(true, 0);
            return false;
        });
        on("/close", (request, socket, out) -> {
            respond(out, 200, "bye", "Connection: close");
            return false;
        });
        on("/eof-body", (request, socket, out) -> {
            write(out, "HTTP/1.1 200 OK\r\n\r\nthe body runs to the end of the connection");
            return false;
        });
        on("/partial", (request, socket, out) -> {
            write(out, "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly ten b");
            return false;
        });
        on("/bad-chunk", (request, socket, out) -> {
            write(out, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n");
            return false;
        });
        on("/then-close", (request, socket, out) -> {
            // answers as if keeping the connection, then drops it like a server's idle timeout
            respond(out, 200, "hello");
            return false;
        });
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                socket.setTcpNoDelay(true);
                int connection = accepted.incrementAndGet();
                clients.add(socket);
                Thread.ofVirtual().name("scripted-server-" + connection).start(() -> serve(socket, connection));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket, int connection) {
        boolean hungUp = false;
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            while (true) {
                Request request = readRequest(in, connection);
                if (request == null) {
                    return;
                }
                requests.add(request);
                if (!route(request.target()).answer(request, socket, out)) {
                    hungUp = true;
                    return;
                }
            }
        } catch (Exception e) {
            // the client went away or the test closed the server
        } finally {
            // counted once the socket is closed (try-with-resources closes before finally)
            if (hungUp) {
                closedByServer.incrementAndGet();
            }
            clients.remove(socket);
        }
    }

    private Reply route(String target) {
        return routes.entrySet().stream()
                .filter(e -> target.startsWith(e.getKey()))
                .max(Comparator.comparingInt(e -> e.getKey().length()))
                .map(Map.Entry::getValue)
                .orElse((request, socket, out) -> {
                    respond(out, 404, "no route");
                    return true;
                });
    }

    private static Request readRequest(InputStream in, int connection) throws IOException {
        String line = readLine(in);
        if (line == null) {
            return null;
        }
        String[] parts = line.split(" ");
        Map<String, String> headers = new TreeMap<>();
        String header;
        while ((header = readLine(in)) != null && !header.isEmpty()) {
            int colon = header.indexOf(':');
            headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        byte[] body = in.readNBytes(length);
        return new Request(parts[0], parts[1], headers, new String(body, StandardCharsets.UTF_8), connection);
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }
}
