package dev.benchdeck.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small SMTP server on 127.0.0.1 for the tests (RFC 5321's commands that Jakarta Mail sends, AUTH PLAIN): it keeps
 * every message it accepts, and refuses the next {@link #refuseNext} ones with a 451 to test retries.
 */
public final class SmtpReceiver implements AutoCloseable {

    /** One accepted message: the envelope, the credentials it signed in with (null: none), the raw data. */
    public record Message(String from, List<String> to, String user, String password, String data) {
    }

    private final ServerSocket socket;
    private final List<Message> messages = new CopyOnWriteArrayList<>();
    private final AtomicInteger refuse = new AtomicInteger();

    private SmtpReceiver(ServerSocket socket) {
        this.socket = socket;
        Thread.ofVirtual().name("test-smtp").start(this::accept);
    }

    public static SmtpReceiver start() {
        try {
            return new SmtpReceiver(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return socket.getLocalPort();
    }

    public List<Message> messages() {
        return List.copyOf(messages);
    }

    /** Refuses the next {@code count} messages (451 at MAIL FROM), as a busy server does. */
    public void refuseNext(int count) {
        refuse.set(count);
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Thread.ofVirtual().start(() -> session(client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void session(Socket client) {
        try (client; BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
             OutputStream out = client.getOutputStream()) {
            reply(out, "220 test-smtp ready");
            String from = null;
            List<String> to = new ArrayList<>();
            String user = null;
            String password = null;
            String line;
            while ((line = in.readLine()) != null) {
                String upper = line.toUpperCase(java.util.Locale.ROOT);
                if (upper.startsWith("EHLO")) {
                    reply(out, "250-test-smtp\r\n250-AUTH PLAIN\r\n250 8BITMIME");
                } else if (upper.startsWith("HELO")) {
                    reply(out, "250 test-smtp");
                } else if (upper.startsWith("AUTH PLAIN")) {
                    String initial = line.length() > "AUTH PLAIN ".length() ? line.substring("AUTH PLAIN ".length()).trim() : null;
                    if (initial == null) {
                        reply(out, "334 ");
                        initial = in.readLine();
                    }
                    String[] parts = new String(Base64.getDecoder().decode(initial), StandardCharsets.UTF_8).split("\0", -1);
                    user = parts[1];
                    password = parts[2];
                    reply(out, "235 2.7.0 signed in");
                } else if (upper.startsWith("MAIL FROM:")) {
                    if (refuse.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                        reply(out, "451 4.3.0 busy, try again later");
                        continue;
                    }
                    from = address(line);
                    to = new ArrayList<>();
                    reply(out, "250 ok");
                } else if (upper.startsWith("RCPT TO:")) {
                    to.add(address(line));
                    reply(out, "250 ok");
                } else if (upper.equals("DATA")) {
                    reply(out, "354 end with <CRLF>.<CRLF>");
                    StringBuilder data = new StringBuilder();
                    String dataLine;
                    while ((dataLine = in.readLine()) != null && !dataLine.equals(".")) {
                        data.append(dataLine.startsWith("..") ? dataLine.substring(1) : dataLine).append("\r\n");
                    }
                    messages.add(new Message(from, List.copyOf(to), user, password, data.toString()));
                    reply(out, "250 ok: queued");
                } else if (upper.equals("QUIT")) {
                    reply(out, "221 bye");
                    return;
                } else if (upper.startsWith("RSET") || upper.startsWith("NOOP")) {
                    reply(out, "250 ok");
                } else {
                    reply(out, "502 command not implemented");
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private static String address(String line) {
        int open = line.indexOf('<');
        int close = line.indexOf('>', open);
        return open >= 0 && close > open ? line.substring(open + 1, close) : line.substring(line.indexOf(':') + 1).trim();
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
