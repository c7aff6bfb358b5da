package dev.benchdeck.server.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 421 for a {@code Host} the server does not go by (the WebSocket upgrade included). DNS
 * rebinding points a name the attacker owns at 127.0.0.1: the browser then treats Benchdeck as that
 * site's origin and lets its page read the API; the {@code Host} header still says the attacker's
 * name. Allowed: localhost, 127.0.0.1, [::1], this machine's name and address (other replicas call it by its
 * address, {@code ReplicaDirectory}), {@code benchdeck.security.allowed-hosts}
 * ({@code *} allows any) and the host of {@code benchdeck.security.public-address}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class HostCheck extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(HostCheck.class);

    private final Set<String> allowed;
    private final boolean any;

    HostCheck(HardeningProperties properties) {
        Set<String> names = new LinkedHashSet<>(Set.of("localhost", "127.0.0.1", "[::1]"));
        machineName().ifPresent(names::add);
        machineAddress().ifPresent(names::add);
        properties.allowedHosts().forEach(host -> names.add(normalise(host)));
        if (properties.publicAddress() != null && !properties.publicAddress().isBlank()) {
            names.add(normalise(hostOf(properties.publicAddress().strip())));
        }
        this.any = names.contains("*");
        this.allowed = Set.copyOf(names);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String host = request.getHeader("Host");
        // no Host at all (HTTP/1.0 tools) cannot come from a browser page, which always sends one
        if (any || host == null || allowed.contains(normalise(withoutPort(host)))) {
            chain.doFilter(request, response);
            return;
        }
        log.debug("Refused a request for host {}", host.length() > 100 ? host.substring(0, 100) : host);
        ProblemJson.write(response, 421, "Misdirected request",
                "this server does not answer for that host name; add it to benchdeck.security.allowed-hosts if people reach the server by it",
                request.getRequestURI(), null);
    }

    /** {@code host:port}, {@code [v6]:port}, {@code host} → the host part. */
    static String withoutPort(String host) {
        String h = host.strip();
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? h : h.substring(0, end + 1);
        }
        int colon = h.lastIndexOf(':');
        return colon >= 0 && h.indexOf(':') == colon ? h.substring(0, colon) : h;
    }

    /** The host of a URL, or the text itself (host or host:port). */
    static String hostOf(String address) {
        if (address.contains("://")) {
            try {
                String host = URI.create(address).getHost();
                if (host != null) {
                    return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
                }
            } catch (IllegalArgumentException e) {
                return address;
            }
        }
        return withoutPort(address);
    }

    private static String normalise(String host) {
        String h = host.strip().toLowerCase(Locale.ROOT);
        if (h.equals("::1")) {
            return "[::1]";
        }
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }

    private static java.util.Optional<String> machineAddress() {
        try {
            String address = InetAddress.getLocalHost().getHostAddress();
            return java.util.Optional.of(normalise(address.contains(":") ? "[" + address + "]" : address));
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    private static java.util.Optional<String> machineName() {
        try {
            return java.util.Optional.of(normalise(InetAddress.getLocalHost().getHostName()));
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }
}
