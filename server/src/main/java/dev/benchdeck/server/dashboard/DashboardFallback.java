package dev.benchdeck.server.dashboard;

import dev.benchdeck.server.system.ProblemJson;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The dashboard is a single-page app: a path that is neither a file nor the server's own (a bookmarked
 * {@code /runs/42}, a reload, a mistyped {@code /nowhere}) answers its {@code index.html}, and the app's
 * router shows the page or its not-found page. Unknown {@code /api/**} paths and missing files stay 404
 * problem details.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class DashboardFallback {

    private static final List<String> SERVER_PATHS = List.of("/api/", "/api", "/actuator", "/v3/", "/swagger-ui", "/error");
    private static final ClassPathResource INDEX = new ClassPathResource("META-INF/resources/index.html");

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<?> notFound(NoResourceFoundException e, HttpServletRequest request) throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (isAppRoute(request.getMethod(), path) && INDEX.exists()) {
            try (InputStream in = INDEX.getInputStream()) {
                return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).cacheControl(CacheControl.noCache()).body(in.readAllBytes());
            }
        }
        return ResponseEntity.status(404).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemJson.body(404, "Not found", "nothing is at " + path, request.getRequestURI(), null));
    }

    /** A GET of a path of the app: not the server's own, and not a file (its last segment has no dot). */
    static boolean isAppRoute(String method, String path) {
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            return false;
        }
        for (String server : SERVER_PATHS) {
            if (path.equals(server) || path.startsWith(server.endsWith("/") ? server : server + "/")) {
                return false;
            }
        }
        return !path.substring(path.lastIndexOf('/') + 1).contains(".");
    }
}
