package dev.benchdeck.driver.http;

import java.util.Locale;
import java.util.Set;

/** Which request headers a plan may set: valid names, no line breaks, none the client owns. */
public final class HeaderRules {

    /** Framing headers the driver computes itself; a wrong value would break the connection. */
    private static final Set<String> FRAMING = Set.of("content-length", "transfer-encoding");
    /** Headers the JDK HTTP client refuses to let callers set. */
    private static final Set<String> JDK_CLIENT_OWNED = Set.of("connection", "expect", "host", "upgrade");

    private final HttpVersion version;

    public HeaderRules(HttpVersion version) {
        this.version = version;
    }

    /** Why the header cannot be sent, or {@code null} when it can. */
    public String refusal(String name, String value) {
        if (!isToken(name)) {
            return "not a valid header name";
        }
        if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            return "must not contain line breaks";
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (FRAMING.contains(lower)) {
            return "is set by the driver";
        }
        if (version == HttpVersion.HTTP_2 && JDK_CLIENT_OWNED.contains(lower)) {
            return "cannot be set with http_version 2 (the JDK HTTP client sets it)";
        }
        return null;
    }

    /** RFC 9110 §5.6.2 token characters. */
    private static boolean isToken(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
