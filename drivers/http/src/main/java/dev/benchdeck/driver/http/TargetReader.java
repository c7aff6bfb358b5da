package dev.benchdeck.driver.http;

import dev.benchdeck.engine.plan.ConfigNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/** Reads and checks the plan's {@code target} section for the http driver. */
final class TargetReader {

    static final Set<String> FIELDS = Set.of("url", "http_version", "connect_timeout", "insecure", "connections");

    private TargetReader() {
    }

    /** The target, or {@code null} when the section is missing or its URL unusable (problems reported). */
    static HttpTarget read(ConfigNode target) {
        if (!target.expectObject(FIELDS)) {
            return null;
        }
        URI url = url(target);
        String versionText = target.choice("http_version", HttpVersion.HTTP_1_1.planText(), HttpVersion.planTexts());
        HttpVersion version = HttpVersion.fromPlanText(versionText);
        Duration connectTimeout = target.duration("connect_timeout", HttpTarget.DEFAULT_CONNECT_TIMEOUT);
        if (connectTimeout != null && connectTimeout.toMillis() < 1) {
            target.problem("connect_timeout", "must be at least 1ms");
        }
        Boolean insecure = target.bool("insecure", false);
        Long connections = target.integerAtLeast("connections", null, 1);
        if (connections != null && connections > Integer.MAX_VALUE) {
            target.problem("connections", "must be at most " + Integer.MAX_VALUE);
        }
        if (connections != null && version == HttpVersion.HTTP_2) {
            target.problem("connections", "only applies to http_version 1.1 (HTTP/2 multiplexes requests on one connection)");
        }
        if (url == null) {
            return null;
        }
        return new HttpTarget(url, version, connectTimeout, Boolean.TRUE.equals(insecure),
                connections == null ? HttpTarget.PER_SESSION : (int) Math.min(connections, Integer.MAX_VALUE));
    }

    private static URI url(ConfigNode target) {
        String text = target.requiredText("url");
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            URI url = new URI(text.trim());
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && url.getHost() != null) {
                return url;
            }
        } catch (URISyntaxException e) {
            // reported below, like any other URL we cannot use
        }
        target.problem("url", "must be an http:// or https:// URL (was '" + text + "')");
        return null;
    }
}
