package dev.benchdeck.server.target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.regex.Pattern;

/** http, llm and automation targets need an http(s) {@code url}; reported at the path {@code url}. Postgres targets make their own. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = HttpTargetUrl.Validator.class)
@interface HttpTargetUrl {

    String message() default "must be an http:// or https:// URL";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<HttpTargetUrl, TargetRequest> {

        private static final Pattern HTTP_URL = Pattern.compile("(?i)https?://.+");

        @Override
        public boolean isValid(TargetRequest request, ConstraintValidatorContext context) {
            if (request == null || TargetKinds.POSTGRES.equals(request.kindOrDefault())) {
                return true;
            }
            String url = request.url();
            String message = url == null || url.isBlank() ? "must not be blank"
                    : HTTP_URL.matcher(url.strip()).matches() ? null : context.getDefaultConstraintMessageTemplate();
            if (message == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(message).addPropertyNode("url").addConstraintViolation();
            return false;
        }
    }
}
