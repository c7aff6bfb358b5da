package dev.benchdeck.driver.http.h1;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One virtual user's cookies, from the {@code Set-Cookie} headers of its answers, sent back with each later request.
 * A journey talks to one target, so cookies are kept by name only (domain and path are not matched); a cookie set
 * with {@code Max-Age=0} or an empty value is removed. Expiry dates are not followed.
 */
final class CookieJar {

    private final Map<String, String> cookies = new LinkedHashMap<>();

    public void clear() {
        cookies.clear();
    }

    /** Takes the cookies of an answer. */
    public void store(List<String> setCookieHeaders) {
        for (String header : setCookieHeaders) {
            String[] parts = header.split(";");
            int eq = parts[0].indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = parts[0].substring(0, eq).trim();
            String value = parts[0].substring(eq + 1).trim();
            boolean expired = value.isEmpty();
            for (int i = 1; i < parts.length; i++) {
                String attribute = parts[i].trim().toLowerCase(java.util.Locale.ROOT);
                expired |= attribute.startsWith("max-age=") && attribute.substring(8).trim().matches("-?0+|-\\d+");
            }
            if (expired) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
    }

    public String get(String name) {
        return cookies.get(name);
    }

    public boolean isEmpty() {
        return cookies.isEmpty();
    }

    /** The value of a {@code Cookie} request header. */
    public String header() {
        StringBuilder out = new StringBuilder();
        cookies.forEach((name, value) -> {
            if (!out.isEmpty()) {
                out.append("; ");
            }
            out.append(name).append('=').append(value);
        });
        return out.toString();
    }
}
