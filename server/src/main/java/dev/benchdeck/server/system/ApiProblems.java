package dev.benchdeck.server.system;

import dev.benchdeck.engine.plan.InvalidPlanException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Every error as an RFC 9457 problem detail of one shape (see {@link ProblemJson}); problems with
 * the request carry {@code errors: [{path, message}]} with paths as the client wrote them
 * (snake_case, plan paths, parameter names), and no message names a Java type.
 */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);
    static final String DATABASE_UNAVAILABLE = "database unavailable: Benchdeck cannot reach its PostgreSQL right now; try again in a few seconds";

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

    @ExceptionHandler(BadRequestException.class)
    ResponseEntity<Object> badRequest(BadRequestException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage(), e.errors());
    }

    /** A form body whose parameter names the firewall refuses (control or non-characters), read while binding a body. */
    @ExceptionHandler(org.springframework.security.web.firewall.RequestRejectedException.class)
    ResponseEntity<Object> rejected(org.springframework.security.web.firewall.RequestRejectedException e) {
        log.debug("Request rejected", e);
        // the firewall's message repeats the refused text, which may be anything the client sent: not echoed
        return problem(HttpStatus.BAD_REQUEST, "Invalid request",
                "the request holds characters that are not allowed (in a parameter name or value); send JSON as application/json", null);
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Object> integrity(DataIntegrityViolationException e) {
        log.debug("Integrity violation", e);
        if (e.getMostSpecificCause() instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
            // SQLSTATE class 22, data exception: e.g. a NUL character, which PostgreSQL text cannot hold
            return problem(HttpStatus.BAD_REQUEST, "Invalid request",
                    "a value in the request cannot be stored (text must not contain NUL characters)", null);
        }
        return problem(HttpStatus.CONFLICT, "Conflict", "the change conflicts with other data (e.g. it is still in use)", null);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        if (DatabaseOutage.isCause(e)) {
            log.warn("Database unavailable: {}", DatabaseOutage.describe(e));
            return databaseUnavailable();
        }
        log.error("Unexpected error", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", "an unexpected error occurred; see the server log", null);
    }

    /** 503 with {@code Retry-After}: the database is away (the embedded one is being restarted). */
    static ResponseEntity<Object> databaseUnavailable() {
        ResponseEntity<Object> response = problem(HttpStatus.SERVICE_UNAVAILABLE, "Database unavailable", DATABASE_UNAVAILABLE, null);
        return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, "5").body(response.getBody());
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldProblem(snakeCase(f.getField()), message(f)))
                .sorted(Comparator.comparing(FieldProblem::path)).toList();
        boolean body = e.getParameter().hasParameterAnnotation(org.springframework.web.bind.annotation.RequestBody.class);
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", body ? "the request body has invalid fields" : "the request has invalid parameters", errors);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e, HttpHeaders headers,
                                                                            HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> new FieldProblem(
                        parameterName(result.getMethodParameter()),
                        error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage())))
                .toList();
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", "the request has invalid parameters", errors);
    }

    /** A path segment or query parameter that does not convert: the parameter and what it must be. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers, HttpStatusCode status,
                                                        WebRequest request) {
        String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : String.valueOf(e.getPropertyName());
        String message = e.getMostSpecificCause() instanceof IllegalArgumentException why && why.getMessage() != null
                && why.getMessage().startsWith("must ") ? why.getMessage() : Expected.of(e.getRequiredType());
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", "the request has invalid parameters",
                List.of(new FieldProblem(name, message)));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
                                                                          HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", "the request has invalid parameters",
                List.of(new FieldProblem(e.getParameterName(), "is required")));
    }

    /** A body that is not JSON, or JSON of the wrong shape: where, and what was expected there. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        Throwable cause = e.getMostSpecificCause();
        if (cause == e || !(cause instanceof JacksonException json)) {
            return problem(HttpStatus.BAD_REQUEST, "Malformed request body",
                    e.getMessage() != null && e.getMessage().startsWith("Required request body is missing")
                            ? "the request body is missing; send a JSON object" : "the body is not valid JSON for this request", null);
        }
        String path = jsonPath(json.getPath());
        if (json instanceof StreamReadException syntax && !(syntax instanceof InputCoercionException)) {
            String at = syntax.getLocation() == null ? "" : " (line " + syntax.getLocation().getLineNr()
                    + ", column " + syntax.getLocation().getColumnNr() + ")";
            return problem(HttpStatus.BAD_REQUEST, "Malformed request body", "the body is not valid JSON" + at + ": "
                    + syntaxMessage(syntax.getOriginalMessage()), null);
        }
        Class<?> target = json instanceof MismatchedInputException mismatch ? mismatch.getTargetType()
                : json instanceof InputCoercionException coercion ? coercion.getTargetType() : null;
        String message = json instanceof InputCoercionException ? Expected.of(target) + " (this one is out of range)" : Expected.of(target);
        if (path.isEmpty()) {
            return problem(HttpStatus.BAD_REQUEST, "Malformed request body", "the body " + message, null);
        }
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", "the request body has invalid fields",
                List.of(new FieldProblem(path, message)));
    }

    /** Every other problem Spring MVC reports itself (405, 406, 415…) gets the same shape. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, @Nullable Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(e, body, headers, status, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem) {
            normalise(problem, response.getStatusCode());
        }
        return response;
    }

    /** Maps a problem detail to the problem JSON structure. */
    public static ResponseEntity<Object> problem(HttpStatus status, String title, String detail, @Nullable List<FieldProblem> errors) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setTitle(title);
        body.setType(ProblemJson.type(title));
        if (errors != null) {
            body.setProperty("errors", errors);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    private static void normalise(ProblemDetail problem, HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        String reason = known == null ? "Error" : known.getReasonPhrase();
        if (problem.getTitle() == null) {
            problem.setTitle(reason);
        }
        if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
            problem.setType(ProblemJson.type(problem.getTitle()));
        }
        problem.setDetail(problem.getDetail() == null ? reason : withoutJavaTypes(problem.getDetail()));
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

    /** {@code credentials.headers}, {@code items[2].name}: the JSON names as the client sent them. */
    static String jsonPath(List<JacksonException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : references) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** Drops fully qualified Java names ({@code `java.lang.Long`}, {@code dev.benchdeck...Request}) from a message. */
    static String withoutJavaTypes(String message) {
        // Jackson's hints ("enable `JsonReadFeature.X` to allow") name its Java settings, not the client's mistake
        return message.replaceAll(":? ?\\(?enable `[^`]+` to allow[^)]*\\)?", "")
                .replaceAll("`?\\b(?:java|javax|jakarta|dev\\.benchdeck|org\\.springframework|tools\\.jackson|com\\.fasterxml)(?:\\.[\\w$]+)+`?", "a value")
                .replaceAll("'(?:long|int|double|boolean|short|byte|float|char)'", "a value");
    }

    private static String parameterName(org.springframework.core.MethodParameter parameter) {
        var param = parameter.getParameterAnnotation(org.springframework.web.bind.annotation.RequestParam.class);
        if (param != null && !param.name().isEmpty()) {
            return param.name();
        }
        return snakeCase(String.valueOf(parameter.getParameterName()));
    }

    private static String message(FieldError f) {
        if (f.isBindingFailure()) {
            return Expected.of(f.contains(TypeMismatchException.class) ? f.unwrap(TypeMismatchException.class).getRequiredType() : null);
        }
        return f.getDefaultMessage() == null ? "is invalid" : f.getDefaultMessage();
    }

    static String syntaxMessage(@Nullable String original) {
        return ParserMessages.withoutInput(original);
    }

    /** What a value of a Java type looks like to a client, in words. */
    static final class Expected {

        private Expected() {
        }

        static String of(@Nullable Class<?> type) {
            if (type == null) {
                return "has an invalid value";
            }
            if (List.of(Long.class, long.class, Integer.class, int.class, Short.class, short.class, Byte.class, byte.class,
                    java.math.BigInteger.class).contains(type)) {
                return "must be a whole number";
            }
            if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
                return "must be a number";
            }
            if (type == Boolean.class || type == boolean.class) {
                return "must be true or false";
            }
            if (CharSequence.class.isAssignableFrom(type) || type == char.class || type == Character.class) {
                return "must be text";
            }
            if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
                return "must be a time such as 2026-01-31T12:00:00Z";
            }
            if (type.isEnum()) {
                List<String> names = new ArrayList<>();
                for (Object constant : type.getEnumConstants()) {
                    names.add(constant.toString());
                }
                return "must be one of " + String.join(", ", names);
            }
            if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
                return "must be a JSON array";
            }
            return "must be a JSON object";
        }
    }
}
