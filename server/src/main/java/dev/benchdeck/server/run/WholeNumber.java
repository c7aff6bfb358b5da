package dev.benchdeck.server.run;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A query parameter that must be a whole number (ASCII digits, an optional minus) within
 * {@code [min, max]}; checked with the other parameters, so that every bad one is reported at once.
 */
@Target({ElementType.PARAMETER, ElementType.FIELD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = WholeNumber.Validator.class)
@interface WholeNumber {

    long min() default Long.MIN_VALUE;

    long max() default Long.MAX_VALUE;

    String message() default "must be a whole number";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<WholeNumber, String> {
        private long min;
        private long max;

        @Override
        public void initialize(WholeNumber annotation) {
            min = annotation.min();
            max = annotation.max();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            String why = problem(value, min, max);
            if (why == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(why).addConstraintViolation();
            return false;
        }

        /** Why the text is not such a number, or null. */
        static String problem(String value, long min, long max) {
            if (!value.matches("-?[0-9]{1,19}")) {
                return "must be a whole number";
            }
            long number;
            try {
                number = Long.parseLong(value);
            } catch (NumberFormatException e) {
                return "must be a whole number";
            }
            if (number < min) {
                return "must be at least " + min;
            }
            return number > max ? "must be at most " + max : null;
        }
    }
}
