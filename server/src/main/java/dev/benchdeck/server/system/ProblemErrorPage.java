package dev.benchdeck.server.system;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The servlet container's error page ({@code /error}: errors that escape the application, e.g. from a
 * filter) as problem JSON whatever the client accepts, instead of Spring Boot's own error JSON or page.
 */
@RestController
class ProblemErrorPage implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<String> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer c && c >= 400 ? c : 500;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String instance = uri instanceof String u ? u : request.getRequestURI();
        String detail = ProblemJson.refusedDetail(status);
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure && DatabaseOutage.isCause(failure)) {
            status = 503;
            detail = ApiProblems.DATABASE_UNAVAILABLE;
        }
        String title = status == 503 && detail.equals(ApiProblems.DATABASE_UNAVAILABLE) ? "Database unavailable" : ProblemJson.title(status);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemJson.body(status, title, detail, instance, null));
    }
}
