package dev.benchdeck.driver.http;

import dev.benchdeck.engine.driver.ErrorClasses;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ProtocolException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.security.cert.CertificateException;
import java.util.Locale;
import javax.net.ssl.SSLException;

/** Turns what went wrong on a connection into an error class and a short message for people. */
public final class TransportErrors {

    /** An error class of {@link ErrorClasses} and a one-line reason. */
    public record Reason(String errorClass, String message) {
    }

    private TransportErrors() {
    }

    /**
     * Classifies a failure of the HTTP/1.1 client.
     *
     * @param connecting true when it happened while opening the connection
     */
    public static Reason classify(IOException e, boolean connecting, long timeoutMillis) {
        if (e instanceof SocketTimeoutException) {
            return new Reason(ErrorClasses.TIMEOUT, (connecting ? "connect" : "read") + " timed out after " + timeoutMillis + " ms");
        }
        if (e instanceof SSLException ssl) {
            return new Reason(ErrorClasses.PROTOCOL, connecting ? tlsReason(ssl, false) : "TLS error: " + ssl.getMessage());
        }
        if (e instanceof MalformedResponseException) {
            return new Reason(ErrorClasses.PROTOCOL, e.getMessage());
        }
        if (e instanceof ConnectionClosedException) {
            return new Reason(ErrorClasses.RESET, e.getMessage());
        }
        if (connecting) {
            return new Reason(ErrorClasses.CONNECT, sentence(e));
        }
        return new Reason(ErrorClasses.RESET, socketReason(e));
    }

    /** Classifies a failure reported by the JDK HTTP client (HTTP/2 mode). */
    public static Reason classifyJdkClient(Throwable e, long timeoutMillis) {
        if (e instanceof HttpConnectTimeoutException) {
            return new Reason(ErrorClasses.CONNECT, "connect timed out");
        }
        if (e instanceof HttpTimeoutException) {
            return new Reason(ErrorClasses.TIMEOUT, "request timed out after " + timeoutMillis + " ms");
        }
        if (e instanceof ConnectException) {
            Throwable cause = e.getMessage() == null && e.getCause() != null ? e.getCause() : e;
            return new Reason(ErrorClasses.CONNECT, cause.getMessage() == null ? "cannot connect" : sentence(cause));
        }
        if (e instanceof SSLException ssl) {
            return new Reason(ErrorClasses.PROTOCOL, tlsReason(ssl, false));
        }
        if (e instanceof ProtocolException) {
            return new Reason(ErrorClasses.PROTOCOL, sentence(e));
        }
        if (e instanceof IOException io) {
            return new Reason(ErrorClasses.RESET, socketReason(io));
        }
        return new Reason(ErrorClasses.INTERNAL, e.getClass().getSimpleName() + ": " + e.getMessage());
    }

    /** Why a TLS handshake failed, with the usual fix for self-signed test servers. */
    public static String tlsReason(SSLException e, boolean insecure) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CertificateException || String.valueOf(t.getMessage()).contains("PKIX")) {
                return "TLS certificate not trusted" + (insecure ? "" : " (for a self-signed test server set target.insecure: true)");
            }
        }
        return "TLS handshake failed: " + e.getMessage();
    }

    private static String socketReason(IOException e) {
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (message.contains("reset")) {
            return "connection reset by peer";
        }
        if (message.contains("broken pipe")) {
            return "connection closed by peer (broken pipe)";
        }
        if (e instanceof SocketException && message.contains("closed")) {
            return "connection closed";
        }
        return sentence(e);
    }

    /** The exception's message with a lower-case first letter, to read well after a colon. */
    private static String sentence(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        // lower-case a leading word ("Connection refused"), not an acronym ("HTTP/1.1 header parser…")
        boolean acronym = message.length() > 1 && Character.isUpperCase(message.charAt(1));
        return message.isEmpty() || acronym ? message : Character.toLowerCase(message.charAt(0)) + message.substring(1);
    }
}
