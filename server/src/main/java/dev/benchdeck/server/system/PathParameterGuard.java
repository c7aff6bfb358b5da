package dev.benchdeck.server.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** 400 for a path with {@code ;} (path parameters): Spring would match {@code /targets/1;DROP} as {@code /targets/1}. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 4)
class PathParameterGuard extends OncePerRequestFilter {

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
