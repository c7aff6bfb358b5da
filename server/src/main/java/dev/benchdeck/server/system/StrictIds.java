package dev.benchdeck.server.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.convert.converter.Converter;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Whole numbers in paths and query parameters are ASCII decimal digits and nothing else. Spring's
 * default reads {@code 0x10} as 16 and {@code +1}, {@code " 1"} and Arabic-Indic digits as 1, and
 * drops {@code ;…} matrix parameters, so that one id had many spellings (a cache, a log search or an
 * authorization rule keyed on the text would disagree with the one the code used).
 */
@Configuration(proxyBeanMethods = false)
class StrictIds implements WebMvcConfigurer {

    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,19}");
    static final String MESSAGE = "must be a whole number written with the digits 0-9";

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(String.class, Long.class, (Converter<String, Long>) StrictIds::parseLong);
        registry.addConverter(String.class, Integer.class, (Converter<String, Integer>) StrictIds::parseInt);
    }

    static Integer parseInt(String text) {
        Long value = parseLong(text);
        if (value != null && (value > Integer.MAX_VALUE || value < Integer.MIN_VALUE)) {
            throw new IllegalArgumentException(MESSAGE + " (this one is out of range)");
        }
        return value == null ? null : value.intValue();
    }

    static Long parseLong(String text) {
        if (text.isEmpty()) {
            return null; // an empty query value means "not given", as before
        }
        if (!DECIMAL.matcher(text).matches()) {
            throw new IllegalArgumentException(MESSAGE);
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(MESSAGE + " (this one is out of range)");
        }
    }

    @Bean
    PathParameterGuard pathParameterGuard() {
        return new PathParameterGuard();
    }

    /** 400 for a path with {@code ;} (path parameters): Spring would match {@code /targets/1;DROP} as {@code /targets/1}. */
    @Order(Ordered.HIGHEST_PRECEDENCE + 4)
    static final class PathParameterGuard extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String uri = request.getRequestURI();
            int semicolon = uri == null ? -1 : uri.indexOf(';');
            if (semicolon >= 0) {
                ProblemJson.write(response, 400, "Invalid request", "the request has invalid parameters", uri.substring(0, semicolon),
                        List.of(new FieldProblem("path", "must not contain ';' (path parameters are not used)")));
                return;
            }
            chain.doFilter(request, response);
        }
    }
}
