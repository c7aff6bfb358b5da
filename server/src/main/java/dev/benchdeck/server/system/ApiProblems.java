package dev.benchdeck.server.system;

import dev.benchdeck.engine.plan.InvalidPlanException;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error as an RFC 9457 problem detail; problems with the request body carry
 * {@code errors: [{path, message}]} with paths as the client wrote them (snake_case, plan paths).
 */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    @ExceptionHandler(InvalidPlanException.class)
    ResponseEntity<Object> invalidPlan(InvalidPlanException e) {
        List<FieldProblem> errors = e.problems().stream()
                .map(p -> new FieldProblem(p.path().isEmpty() ? "plan_yaml" : p.path(), p.message())).toList();
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid plan",
                errors.size() + (errors.size() == 1 ? " problem" : " problems") + " in the plan", errors);
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Object> notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage(), null);
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<Object> conflict(ConflictException e) {
        return problem(HttpStatus.CONFLICT, "Conflict", e.getMessage(), null);
    }

    @ExceptionHandler(UnprocessableException.class)
    ResponseEntity<Object> unprocessable(UnprocessableException e) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "Unprocessable request", e.getMessage(), null);
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Object> integrity(DataIntegrityViolationException e) {
        log.debug("Integrity violation", e);
        return problem(HttpStatus.CONFLICT, "Conflict", "the change conflicts with other data (e.g. it is still in use)", null);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        log.error("Unexpected error", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", "an unexpected error occurred; see the server log", null);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldProblem(snakeCase(f.getField()), message(f)))
                .sorted(Comparator.comparing(FieldProblem::path)).toList();
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", "the request body has invalid fields", errors);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            org.springframework.web.method.annotation.HandlerMethodValidationException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> new FieldProblem(
                        parameterName(result.getMethodParameter()),
                        error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage())))
                .toList();
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", "the request has invalid parameters", errors);
    }

    private static String parameterName(org.springframework.core.MethodParameter parameter) {
        var param = parameter.getParameterAnnotation(org.springframework.web.bind.annotation.RequestParam.class);
        if (param != null && !param.name().isEmpty()) {
            return param.name();
        }
        return snakeCase(String.valueOf(parameter.getParameterName()));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        return problem(HttpStatus.BAD_REQUEST, "Malformed request body",
                "the body is not valid JSON for this request: " + firstLine(e.getMostSpecificCause().getMessage()), null);
    }

    /** Maps a problem detail to the problem JSON structure. */
    public static ResponseEntity<Object> problem(HttpStatus status, String title, String detail, @Nullable List<FieldProblem> errors) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setTitle(title);
        body.setType(URI.create("https://benchdeck.dev/problems/" + title.toLowerCase(Locale.ROOT).replace(' ', '-')));
        if (errors != null) {
            body.setProperty("errors", errors);
        }
        return ResponseEntity.status(status).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    /** {@code credentials.headers[X-Key]} stays as is inside brackets (map keys); property names become snake_case. */
    static String snakeCase(String javaPath) {
        StringBuilder out = new StringBuilder(javaPath.length() + 8);
        boolean inKey = false;
        for (int i = 0; i < javaPath.length(); i++) {
            char c = javaPath.charAt(i);
            inKey = c == '[' || (inKey && c != ']');
            if (!inKey && Character.isUpperCase(c) && i > 0 && Character.isLetterOrDigit(javaPath.charAt(i - 1))) {
                out.append('_');
            }
            out.append(inKey ? c : Character.toLowerCase(c));
        }
        return out.toString();
    }

    private static String message(FieldError f) {
        return f.getDefaultMessage() == null ? "is invalid" : f.getDefaultMessage();
    }

    private static String firstLine(@Nullable String message) {
        if (message == null) {
            return "unreadable";
        }
        String line = message.lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
