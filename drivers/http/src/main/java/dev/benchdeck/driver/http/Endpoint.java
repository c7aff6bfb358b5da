package dev.benchdeck.driver.http;

import dev.benchdeck.driver.http.h1.Http1Connection;
import dev.benchdeck.engine.driver.DriverException;
import dev.benchdeck.engine.driver.ErrorClasses;
import dev.benchdeck.engine.time.EngineClock;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Where HTTP/1.1 connections go: the target's address, resolved once when the driver opens (as
 * wrk does), and how to open a connection there, TLS included.
 *
 * @param tls {@code null} for plain http
 */
public record Endpoint(HttpTarget target, InetSocketAddress address, SSLSocketFactory tls) {

    /** Resolves the target's host; an unknown host fails the run before any load. */
    public static Endpoint resolve(HttpTarget target) throws DriverException {
        InetAddress address;
        try {
            address = InetAddress.getByName(target.host());
        } catch (UnknownHostException e) {
            throw new DriverException(ErrorClasses.CONNECT, cannotConnect(target, "unknown host " + target.host()), e);
        }
        SSLSocketFactory tls = target.tls() ? tlsContext(target).getSocketFactory() : null;
        return new Endpoint(target, new InetSocketAddress(address, target.port()), tls);
    }

    public static SSLContext tlsContext(HttpTarget target) {
        if (target.insecure()) {
            return TrustEveryCertificate.context();
        }
        try {
            return SSLContext.getDefault();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK offers no TLS", e);
        }
    }

    /** Opens one connection (TCP, then TLS for https) and closes it: the check that the target is there. */
    public void probe(EngineClock clock) throws DriverException {
        long timeoutMillis = target.connectTimeout().toMillis();
        try {
            connect(clock.nanoTime() + target.connectTimeout().toNanos(), clock).close();
        } catch (SocketTimeoutException e) {
            throw new DriverException(ErrorClasses.CONNECT, cannotConnect(target, "connect timed out after " + timeoutMillis + " ms"), e);
        } catch (SSLException e) {
            throw new DriverException(ErrorClasses.PROTOCOL, cannotConnect(target, TransportErrors.tlsReason(e, target.insecure())), e);
        } catch (IOException e) {
            throw new DriverException(ErrorClasses.CONNECT, cannotConnect(target, String.valueOf(e.getMessage())), e);
        }
    }

    /**
     * Opens a connection, giving up at the request's {@code deadline} (a {@link SocketTimeoutException})
     * or after the target's connect timeout (a {@link ConnectException}), whichever comes first.
     */
    public Http1Connection connect(long deadline, EngineClock clock) throws IOException {
        Socket raw = new Socket();
        try {
            raw.setTcpNoDelay(true);
            int connectTimeout = (int) Math.min(Integer.MAX_VALUE, target.connectTimeout().toMillis());
            long remaining = millisUntil(deadline, clock);
            boolean deadlineFirst = remaining < connectTimeout;
            try {
                raw.connect(address, (int) Math.min(connectTimeout, remaining));
                Socket socket = tls == null ? raw : handshake(raw, (int) Math.min(connectTimeout, millisUntil(deadline, clock)));
                return new Http1Connection(raw, socket, clock);
            } catch (SocketTimeoutException e) {
                if (deadlineFirst) {
                    throw e;
                }
                throw new ConnectException("connect timed out after " + connectTimeout + " ms");
            }
        } catch (IOException | RuntimeException e) {
            closeQuietly(raw);
            throw e;
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // the original failure is the one worth reporting
        }
    }

    private Socket handshake(Socket raw, int timeoutMillis) throws IOException {
        if (timeoutMillis <= 0) {
            throw new SocketTimeoutException("request deadline passed");
        }
        String host = target.host();
        SSLSocket socket = (SSLSocket) tls.createSocket(raw, host, target.port(), true);
        SSLParameters parameters = socket.getSSLParameters();
        if (!target.insecure()) {
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
        }
        if (!isIpLiteral(host)) {
            parameters.setServerNames(List.of(new SNIHostName(host)));
        }
        parameters.setApplicationProtocols(new String[] {"http/1.1"});
        socket.setSSLParameters(parameters);
        socket.setSoTimeout(timeoutMillis);
        socket.startHandshake();
        return socket;
    }

    private static boolean isIpLiteral(String host) {
        return host.indexOf(':') >= 0 || host.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }

    private static long millisUntil(long deadline, EngineClock clock) throws SocketTimeoutException {
        long remaining = deadline - clock.nanoTime();
        if (remaining <= 0) {
            throw new SocketTimeoutException("request deadline passed");
        }
        return Math.max(1, (remaining + 999_999) / 1_000_000);
    }

    private static String cannotConnect(HttpTarget target, String reason) {
        return "cannot connect to " + target.url() + ": " + reason;
    }
}
