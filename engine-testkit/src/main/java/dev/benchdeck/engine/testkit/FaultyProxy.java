package dev.benchdeck.engine.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A TCP proxy on 127.0.0.1 in front of a real target that can be told to misbehave: {@link Fault#STALL}
 * swallows what clients send (so nothing is ever answered), {@link Fault#HANG_UP} closes a connection
 * as soon as its client sends something, and {@link #refuse()} stops listening and drops every
 * connection so that new ones are refused. Works for any protocol the driver speaks in clear text.
 */
public final class FaultyProxy implements AutoCloseable {

    /** How the proxy treats bytes a client sends. */
    public enum Fault { NONE, STALL, HANG_UP }

    private final ServerSocket listener;
    private final Supplier<InetSocketAddress> backend;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private volatile Fault fault = Fault.NONE;
    private volatile boolean refusing;

    private FaultyProxy(ServerSocket listener, Supplier<InetSocketAddress> backend) {
        this.listener = listener;
        this.backend = backend;
    }

    /** Starts a proxy; {@code backend} is asked for the target's address at each new connection. */
    public static FaultyProxy start(Supplier<InetSocketAddress> backend) throws IOException {
        ServerSocket listener = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
        FaultyProxy proxy = new FaultyProxy(listener, backend);
        Thread.ofVirtual().name("bd-faulty-proxy-accept").start(proxy::accept);
        return proxy;
    }

    public InetSocketAddress address() {
        return new InetSocketAddress("127.0.0.1", listener.getLocalPort());
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** From now on, bytes from clients are treated as {@code fault} says. */
    public void fault(Fault fault) {
        this.fault = fault;
    }

    /** Stops listening and drops every open connection: what a target that went away looks like. */
    public void refuse() {
        refusing = true;
        closeQuietly(listener);
        sockets.forEach(FaultyProxy::closeQuietly);
    }

    /** Client and target sockets now open through the proxy (two per proxied connection). */
    public int openSockets() {
        sockets.removeIf(Socket::isClosed);
        return sockets.size();
    }

    @Override
    public void close() {
        refuse();
    }

    private void accept() {
        while (!refusing) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return; // closed by refuse()
            }
            sockets.add(client);
            Thread.ofVirtual().name("bd-faulty-proxy-conn").start(() -> connect(client));
        }
    }

    private void connect(Socket client) {
        Socket target = new Socket();
        sockets.add(target);
        try {
            target.connect(backend.get(), 2000);
            target.setTcpNoDelay(true);
            client.setTcpNoDelay(true);
            Thread.ofVirtual().name("bd-faulty-proxy-down").start(() -> pump(target, client, false));
            pump(client, target, true);
        } catch (IOException e) {
            closeQuietly(client);
            closeQuietly(target);
        }
    }

    /** Copies {@code from} → {@code to}; on the client side applies the current fault to each read. */
    private void pump(Socket from, Socket to, boolean fromClient) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                Fault now = fromClient ? fault : Fault.NONE;
                if (now == Fault.HANG_UP) {
                    from.setSoLinger(true, 0); // a reset, as a crashed peer gives
                    break;
                }
                if (now == Fault.STALL) {
                    continue;
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // one side went away: the other goes too, below
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // closing is best effort here
        }
    }
}
