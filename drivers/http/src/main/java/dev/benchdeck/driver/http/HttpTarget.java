package dev.benchdeck.driver.http;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/**
 * The plan's {@code target} section, checked.
 *
 * @param url            the target URL as written in the plan (http or https)
 * @param connections    the size of a pool shared by all sessions, or {@link #PER_SESSION} for one
 *                       kept-alive connection per session
 */
public record HttpTarget(URI url, HttpVersion version, Duration connectTimeout, boolean insecure, int connections) {

    public static final int PER_SESSION = 0;
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

    public boolean tls() {
        return "https".equalsIgnoreCase(url.getScheme());
    }

    /** The host as written, without the brackets of an IPv6 literal. */
    public String host() {
        String host = url.getHost();
        return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    }

    public int port() {
        return url.getPort() >= 0 ? url.getPort() : tls() ? 443 : 80;
    }

    /** The Host header: the port is left out when it is the scheme's default, as browsers do. */
    public String hostHeader() {
        return url.getPort() < 0 || url.getPort() == (tls() ? 443 : 80) ? url.getHost() : url.getHost() + ":" + url.getPort();
    }

    /** The URL up to the path, for clients that take absolute URIs. */
    public String origin() {
        return url.getScheme().toLowerCase(Locale.ROOT) + "://" + hostHeader();
    }

    public String basePath() {
        String path = url.getRawPath();
        return path == null || path.isEmpty() ? "/" : path;
    }

    /** The URL's query, or {@code null}; it is kept after the workload's path. */
    public String rawQuery() {
        return url.getRawQuery();
    }
}
