package dev.benchdeck.driver.http.check;

import dev.benchdeck.engine.driver.TargetCheck;
import org.jspecify.annotations.Nullable;

/**
 * What an HTTP check found: {@code ok} when the server answered as the check wants (an http target: any status,
 * since a base URL often answers 404), its {@code status} and the time to the full response in {@code millis};
 * else an {@code errorClass} ({@code connect}, {@code timeout}, {@code tls}, {@code invalid}, or one of the
 * answer: {@code auth}, {@code not_found}…) and a {@code message} that says what to fix.
 */
public record HttpCheckReport(boolean ok, @Nullable Integer status, @Nullable Double millis, @Nullable String errorClass,
                              String message) implements TargetCheck.Report {

    /** A check that failed before any answer: nothing was sent, or nothing answered. */
    public static HttpCheckReport failed(String errorClass, String message) {
        return new HttpCheckReport(false, null, null, errorClass, message);
    }
}
