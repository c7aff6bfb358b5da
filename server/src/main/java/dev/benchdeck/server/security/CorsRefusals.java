package dev.benchdeck.server.security;

import dev.benchdeck.server.system.ProblemJson;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.DefaultCorsProcessor;

/**
 * Spring's CORS checks, with a refusal (a preflight or call from an origin not allowed) answered as a 403 problem
 * detail instead of the plain text "Invalid CORS request". Still without any CORS header, so the page that asked
 * cannot read it.
 */
final class CorsRefusals extends DefaultCorsProcessor {

    @Override
    public boolean processRequest(@Nullable CorsConfiguration config, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        return super.processRequest(config, request, new OfRequest(response, request.getRequestURI()));
    }

    @Override
    protected void rejectRequest(ServerHttpResponse response) throws IOException {
        if (response instanceof ServletServerHttpResponse servlet && servlet.getServletResponse() instanceof OfRequest refused) {
            ProblemJson.write(refused, 403, SecurityProblems.FORBIDDEN,
                    "cross-origin requests from this origin are not allowed (benchdeck.security.cors-allowed-origins)",
                    refused.path, null);
        } else {
            super.rejectRequest(response);
        }
    }

    /** The response, with the path the refusal names (the processor's refusal sees only the response). */
    private static final class OfRequest extends HttpServletResponseWrapper {
        final String path;

        OfRequest(HttpServletResponse response, String path) {
            super(response);
            this.path = path;
        }
    }
}
