package dev.benchdeck.server.system;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The one shape of every error answer (RFC 9457): {@code type}, {@code title}, {@code status},
 * {@code detail}, {@code instance} and, where fields are involved, {@code errors: [{path, message}]}.
 * Controllers get it through {@link ApiProblems}; this class writes it where Spring MVC is not
 * involved (filters, the error page, Tomcat's own error reports).
 */
public final class ProblemJson {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://benchdeck.dev/problems/";

    private ProblemJson() {
    }

    /** {@code https://benchdeck.dev/problems/<title in kebab case>}. */
    public static URI type(String title) {
        return URI.create(TYPE_BASE + title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", ""));
    }

    /** The standard reason phrase of a status ("Bad Request"), or "Error". */
    public static String title(int status) {
        org.springframework.http.HttpStatus known = org.springframework.http.HttpStatus.resolve(status);
        return known == null ? "Error" : known.getReasonPhrase();
    }

    /** What an error answered outside the application means, for its {@code detail}. */
    static String refusedDetail(int status) {
        return switch (status) {
            case 400 -> "the request is malformed (e.g. a NUL or an encoded '/' or '\\' in the path, an invalid character, or headers too large)";
            case 404 -> "nothing is at this path";
            case 405 -> "this method is not allowed here";
            case 408 -> "the request took too long to arrive";
            case 413 -> "the request is too large";
            case 414 -> "the URI is too long";
            case 431 -> "the request headers are too large";
            case 505 -> "this HTTP version is not supported";
            default -> status >= 500 ? "an unexpected error occurred; see the server log" : "the request was refused (HTTP " + status + ")";
        };
    }

    /** The problem as JSON text, fields in their usual order. */
    public static String body(int status, String title, String detail, String instance, @Nullable List<FieldProblem> errors) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type(title).toString());
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("instance", instance);
        if (errors != null) {
            body.put("errors", errors);
        }
        return Json.write(body);
    }

    /** Writes the problem as the whole response (status, content type, body). */
    public static void write(HttpServletResponse response, int status, String title, String detail, String instance,
                             @Nullable List<FieldProblem> errors) throws IOException {
        byte[] bytes = body(status, title, detail, instance, errors).getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType(MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
