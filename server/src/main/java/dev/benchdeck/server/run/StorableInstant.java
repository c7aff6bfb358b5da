package dev.benchdeck.server.run;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;

/**
 * A query parameter that must be an ISO-8601 instant the database can compare with: years 1 to 9999
 * (an instant far beyond overflows a timestamp).
 */
@Target({ElementType.PARAMETER, ElementType.FIELD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = StorableInstant.Validator.class)
@interface StorableInstant {

    String message() default "must be a time between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z";
    String NOT_A_TIME = "must be a time such as 2026-01-31T12:00:00Z";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<StorableInstant, String> {

        static final Instant FIRST = Instant.parse("0001-01-01T00:00:00Z");
        static final Instant LAST = Instant.parse("9999-12-31T23:59:59.999999Z");

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            Instant time;
            try {
                time = Instant.parse(value.strip());
            } catch (java.time.format.DateTimeParseException e) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(NOT_A_TIME).addConstraintViolation();
                return false;
            }
            return !time.isBefore(FIRST) && !time.isAfter(LAST);
        }
    }
}
