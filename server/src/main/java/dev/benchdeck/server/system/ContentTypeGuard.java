package dev.benchdeck.server.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request whose {@code Content-Type} is a wildcard ({@code *}{@code /*}, {@code application/*})
 * or unreadable with 415: a body's type must be concrete, and Spring would fail on it with a 500.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class ContentTypeGuard extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getContentType();
        if (header != null && !header.isBlank()) {
            String refusal;
            try {
                MediaType type = MediaType.parseMediaType(header);
                refusal = type.isWildcardType() || type.isWildcardSubtype()
                        ? "Content-Type '" + type.getType() + "/" + type.getSubtype() + "' is not a concrete media type; send application/json"
                        : null;
            } catch (InvalidMediaTypeException e) {
                refusal = "the Content-Type header cannot be read; send application/json";
            }
            if (refusal != null) {
                ProblemJson.write(response, 415, "Unsupported media type", refusal, request.getRequestURI(), null);
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
