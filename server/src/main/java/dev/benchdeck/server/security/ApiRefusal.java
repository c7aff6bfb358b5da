package dev.benchdeck.server.security;

import dev.benchdeck.server.system.FieldProblem;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A request refused for a reason of its own (sign-in failed, TOTP required, too many attempts…): the
 * status and title of its problem answer, and for 429 the seconds to wait.
 */
public class ApiRefusal extends RuntimeException {

    private final int status;
    private final String title;
    private final List<FieldProblem> errors;
    private final long retryAfterSeconds;

    public ApiRefusal(int status, String title, String detail, @Nullable List<FieldProblem> errors, long retryAfterSeconds) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public ApiRefusal(int status, String title, String detail) {
        this(status, title, detail, null, 0);
    }

    public static ApiRefusal tooManyRequests(long retryAfterSeconds) {
        return new ApiRefusal(429, "Too many requests", "too many attempts; try again in " + retryAfterSeconds + " s", null,
                retryAfterSeconds);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<FieldProblem> errors() {
        return errors;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
