package dev.benchdeck.server.security;

import dev.benchdeck.server.system.FieldProblem;
import dev.benchdeck.server.system.ProblemJson;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * 401, 403 and 429 as problem details of the usual shape, both from controllers (before the catch-all
 * of ApiProblems, hence the order) and from the filter chain.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class SecurityProblems {

    static final String UNAUTHENTICATED = "Unauthenticated";
    static final String FORBIDDEN = "Forbidden";

    @ExceptionHandler(ApiRefusal.class)
    ResponseEntity<String> refused(ApiRefusal e, HttpServletRequest request) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (e.retryAfterSeconds() > 0) {
            answer.header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
        }
        return answer.body(ProblemJson.body(e.status(), e.title(), e.getMessage(), request.getRequestURI(),
                e.errors().isEmpty() ? null : e.errors()));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<String> denied(AccessDeniedException e, HttpServletRequest request) {
        return ResponseEntity.status(403).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemJson.body(403, FORBIDDEN, String.valueOf(e.getMessage()), request.getRequestURI(), null));
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<String> unauthenticated(AuthenticationException e, HttpServletRequest request) {
        return ResponseEntity.status(401).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemJson.body(401, UNAUTHENTICATED, "sign in, or send an API token as Authorization: Bearer",
                        request.getRequestURI(), null));
    }

    /** The same answers written by a filter. */
    static void write(HttpServletRequest request, HttpServletResponse response, int status, String title, String detail,
                      @Nullable List<FieldProblem> errors) throws IOException {
        ProblemJson.write(response, status, title, detail, request.getRequestURI(), errors);
    }
}
