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

/** A time the database can compare with: years 1 to 9999 (an instant far beyond overflows a timestamp). */
@Target({ElementType.PARAMETER, ElementType.FIELD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = StorableInstant.Validator.class)
@interface StorableInstant {

    String message() default "must be a time between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<StorableInstant, Instant> {

        static final Instant FIRST = Instant.parse("0001-01-01T00:00:00Z");
        static final Instant LAST = Instant.parse("9999-12-31T23:59:59.999999Z");

        @Override
        public boolean isValid(Instant value, ConstraintValidatorContext context) {
            return value == null || (!value.isBefore(FIRST) && !value.isAfter(LAST));
        }
    }
}
