package dev.benchdeck.server.demo;

import dev.benchdeck.server.system.BadRequestException;
import dev.benchdeck.server.system.FieldProblem;
import dev.benchdeck.server.system.Json;
import dev.benchdeck.server.system.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The built-in mock LLM server's runtime configuration and statistics, proxied to its
 * {@code /mock/config} and {@code /mock/stats}: a PUT changes only the fields it names; values the
 * mock refuses are a 400 problem with each field's path. 404 while the mock is off.
 */
@RestController
@RequestMapping(value = "/api/v1/mock-llm", produces = MediaType.APPLICATION_JSON_VALUE)
class MockLlmController {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final String UNKNOWN_FIELD = "unknown config field '";

    private final DemoMockLlm mock;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    MockLlmController(DemoMockLlm mock) {
        this.mock = mock;
    }

    @GetMapping("/config")
    @Operation(summary = "The mock LLM server's current configuration")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(type = "object", description = "timing model and fault shares, as the mock's /mock/config")))
    ResponseEntity<String> getMockLlmConfig() {
        return forward(HttpRequest.newBuilder(uri("/mock/config")).GET());
    }

    @PutMapping(value = "/config", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Changes the fields given (e.g. {\"ttft_ms\": 500, \"faults\": {\"drop\": 0.01}}); returns the whole configuration")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(type = "object")))
    ResponseEntity<String> updateMockLlmConfig(@RequestBody Map<String, Object> changes) {
        return forward(HttpRequest.newBuilder(uri("/mock/config")).header("content-type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(Json.write(changes))));
    }

    @GetMapping("/stats")
    @Operation(summary = "The mock LLM server's counters since it started")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(type = "object")))
    ResponseEntity<String> getMockLlmStats() {
        return forward(HttpRequest.newBuilder(uri("/mock/stats")).GET());
    }

    private URI uri(String path) {
        return URI.create(mock.baseUrl().orElseThrow(() -> new NotFoundException(
                "the built-in mock LLM server is off (benchdeck.mock-llm.port is -1, or its port was taken at start)")) + path);
    }

    private ResponseEntity<String> forward(HttpRequest.Builder request) {
        HttpResponse<String> response;
        try {
            response = client.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ResponseStatusException(HttpStatus.BAD_GATEWAY, "the mock LLM server did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        if (response.statusCode() == 400) {
            throw new BadRequestException("the mock LLM server refused the configuration", problems(response.body()));
        }
        if (response.statusCode() != 200) {
            throw new ResponseStatusException(HttpStatus.BAD_GATEWAY, "the mock LLM server answered HTTP " + response.statusCode());
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(response.body());
    }

    /**
     * The mock's refusal ({@code error.message}: problems joined by "; ", each starting with its field,
     * e.g. {@code ttft_ms must be at least 0, got -1}) as field problems.
     */
    static List<FieldProblem> problems(String body) {
        String message = Json.read(body).path("error").path("message").asText("the configuration was refused");
        List<FieldProblem> problems = new ArrayList<>();
        for (String problem : message.split("; ")) {
            if (problem.startsWith(UNKNOWN_FIELD) && problem.endsWith("'")) {
                problems.add(new FieldProblem(problem.substring(UNKNOWN_FIELD.length(), problem.length() - 1), "is not a setting of the mock"));
                continue;
            }
            int space = problem.indexOf(' ');
            String path = space < 0 ? "" : problem.substring(0, space);
            String rest = space < 0 ? problem : problem.substring(space + 1);
            boolean pathFirst = path.matches("[a-z_]+(\\.[a-z_]+)*") && (rest.startsWith("must") || rest.startsWith("may"));
            problems.add(pathFirst ? new FieldProblem(path, rest) : new FieldProblem(path.matches("[a-z_.]+") ? path : "", problem));
        }
        return problems;
    }
}
