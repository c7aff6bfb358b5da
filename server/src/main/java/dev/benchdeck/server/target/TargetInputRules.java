package dev.benchdeck.server.target;

import dev.benchdeck.engine.plan.Problem;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Write-time rules for what a target sends on the wire: header names are HTTP tokens, header values,
 * API keys and Lakebase secrets hold no CR, LF or NUL (they would split or break a request), a
 * password holds no NUL, and URLs carry no {@code user:password@}. Messages never repeat a value.
 */
final class TargetInputRules {

    private TargetInputRules() {
    }

    static List<Problem> problems(TargetRequest request) {
        List<Problem> problems = new ArrayList<>();
        if (request.url() != null && hasUserInfo(request.url().strip())) {
            problems.add(new Problem("url", "must not contain a user name or password (user:password@); send secrets as credentials"));
        }
        if (request.options() != null && request.options().get("lakebase") instanceof Map<?, ?> lakebase
                && lakebase.get("workspace_url") instanceof String workspace && hasUserInfo(workspace.strip())) {
            problems.add(new Problem("options.lakebase.workspace_url", "must not contain a user name or password (user:password@)"));
        }
        TargetRequest.Credentials credentials = request.credentials();
        if (credentials == null) {
            return problems;
        }
        if (credentials.headers() != null) {
            credentials.headers().forEach((name, value) -> {
                String path = "credentials.headers[" + printable(name) + "]";
                if (name != null && !isToken(name)) {
                    problems.add(new Problem(path, "is not a valid header name (letters, digits and !#$%&'*+-.^_`|~ only)"));
                }
                if (value != null && hasLineBreakOrNul(value)) {
                    problems.add(new Problem(path, "must not contain CR, LF or NUL characters"));
                }
            });
        }
        checkSecret(problems, "credentials.api_key", credentials.apiKey());
        if (credentials.lakebase() != null) {
            checkSecret(problems, "credentials.lakebase.token", credentials.lakebase().token());
            checkSecret(problems, "credentials.lakebase.client_secret", credentials.lakebase().clientSecret());
        }
        if (credentials.password() != null && credentials.password().indexOf('\0') >= 0) {
            problems.add(new Problem("credentials.password", "must not contain NUL characters"));
        }
        return problems;
    }

    /** A URL that names a user (and maybe a password) before its host; unparsable URLs are judged by their text. */
    static boolean hasUserInfo(String url) {
        try {
            return URI.create(url).getRawUserInfo() != null;
        } catch (IllegalArgumentException e) {
            int scheme = url.indexOf("://");
            String rest = scheme < 0 ? url : url.substring(scheme + 3);
            int end = rest.length();
            for (char c : new char[] {'/', '?', '#'}) {
                int at = rest.indexOf(c);
                if (at >= 0 && at < end) {
                    end = at;
                }
            }
            return rest.substring(0, end).contains("@");
        }
    }

    /** The URL without its user information, for stored URLs written before the rule (never shown with it). */
    static String withoutUserInfo(String url) {
        if (url == null || !hasUserInfo(url)) {
            return url;
        }
        int scheme = url.indexOf("://");
        int at = url.indexOf('@', scheme + 3);
        return scheme < 0 || at < 0 ? url : url.substring(0, scheme + 3) + url.substring(at + 1);
    }

    private static void checkSecret(List<Problem> problems, String path, String value) {
        if (value != null && hasLineBreakOrNul(value)) {
            problems.add(new Problem(path, "must not contain CR, LF or NUL characters (it goes into a request header)"));
        }
    }

    static boolean hasLineBreakOrNul(String value) {
        return value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\0') >= 0;
    }

    /** RFC 9110 token characters. */
    static boolean isToken(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** A header name as a path key: control characters escaped, so a problem's path cannot break a line. */
    static String printable(String name) {
        if (name == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        name.codePoints().limit(100).forEach(c -> {
            if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
